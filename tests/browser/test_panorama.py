"""A member fills the panorama fields and opts in; the panorama, read on a phone, counts
them."""

import re

from members.models import Profile
from tests.factories import PASSWORD, UserFactory, panorama_member


def test_member_opts_in_and_the_panorama_counts_them_on_a_phone(live_server, page, screenshot):
    for _n in range(4):
        panorama_member("59", "epci", missions=["gusp"])
    member = UserFactory(display_name="Claire Martin")

    page.goto(live_server.url + "/comptes/login/")
    page.get_by_label("E-mail").fill(member.email)
    page.get_by_label("Mot de passe").first.fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.goto(live_server.url + "/membres/mon-profil/")
    page.get_by_label("Type de structure").select_option("epci")
    page.get_by_label(re.compile(r"^Département\s*:?$")).select_option(label="Nord (59)")
    page.get_by_label("Contrat de ville").check()
    page.get_by_label("Gestion urbaine et sociale de proximité (GUSP)").check()
    page.get_by_label("Temps consacré à la politique de la ville").select_option("50-75")
    page.get_by_label("Taille de l’équipe").select_option("2-5")
    page.get_by_label("Quartiers prioritaires suivis").fill("L’Alma-Gare\nLe Pile")
    page.get_by_label("Compté dans le panorama des acteurs").check()
    page.get_by_role("button", name="Enregistrer mon profil").click()
    assert page.get_by_text("Votre profil est enregistré.").is_visible()
    profile = Profile.objects.get(user=member)
    assert profile.in_panorama and profile.missions == ["contrat_de_ville", "gusp"]
    assert profile.quartiers == ["L’Alma-Gare", "Le Pile"]

    page.set_viewport_size({"width": 390, "height": 844})
    page.get_by_role("link", name="Voir le panorama").click()
    page.wait_for_url("**/membres/panorama/")
    assert page.get_by_text("5 membres comptés.").is_visible()
    missions = page.get_by_role("figure", name="Missions exercées")
    assert missions.get_by_role("row", name="Contrat de ville moins de 5").is_visible()
    assert missions.get_by_role(
        "row", name="Gestion urbaine et sociale de proximité (GUSP) 5"
    ).is_visible()
    page.get_by_role(
        "figure", name="Carte des membres par département"
    ).scroll_into_view_if_needed()
    assert page.get_by_role("row", name="Nord (59) 5").is_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "the panorama scrolls sideways on a phone"
    screenshot("panorama-390")
