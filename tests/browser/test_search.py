import re

from members.models import Profile
from taxonomy.models import Region, Thematique
from tests.factories import UserFactory


def _listed(name, **fields):
    thematiques = fields.pop("thematiques", [])
    user = UserFactory(display_name=name)
    profile = Profile.objects.get(user=user)
    for field, value in {"in_directory": True, **fields}.items():
        setattr(profile, field, value)
    profile.save()
    profile.thematiques.set(thematiques)


def test_member_searches_from_the_header_with_suggestions_then_filters_by_territory(
    live_server, page, screenshot
):
    sante = Thematique.objects.get(slug="sante")
    _listed(
        "Inès Garnier",
        job_title="Coordinatrice de l’atelier santé ville",
        region=Region.objects.get(name="Île-de-France"),
        thematiques=[sante],
    )
    _listed(
        "Marc Petit",
        job_title="Chargé de mission santé",
        region=Region.objects.get(name="Occitanie"),
        thematiques=[sante],
    )

    page.goto(live_server.url + "/")
    search_box = page.get_by_role("combobox", name="Rechercher sur Maillage")
    search_box.press_sequentially("ines gar", delay=40)
    suggestion = page.get_by_role("option", name=re.compile("Inès Garnier"))
    suggestion.wait_for()
    # On a loaded machine an earlier keystroke's answer ("ines g") may show the option
    # first and the last one replace the list right after: let the requests settle.
    page.wait_for_load_state("networkidle")
    # The ARIA combobox pattern: arrows move the active option, Escape closes the list.
    assert search_box.get_attribute("aria-expanded") == "true"
    search_box.press("ArrowDown")
    assert search_box.get_attribute("aria-activedescendant") == suggestion.get_attribute("id")
    assert suggestion.get_attribute("aria-selected") == "true"
    screenshot("search-suggestions")
    search_box.press("Escape")
    assert search_box.get_attribute("aria-expanded") == "false"
    assert search_box.get_attribute("aria-activedescendant") is None

    search_box.fill("sante")
    search_box.press("Enter")
    page.wait_for_url(re.compile(r"/recherche/\?q=sante"))
    assert page.get_by_role("heading", name="2 résultats pour « sante »").is_visible()
    assert page.locator("mark", has_text="santé").first.is_visible()
    screenshot("search-results")

    page.get_by_role("link", name=re.compile(r"^Île-de-France")).click()
    page.wait_for_url(re.compile(r"territory=region%3A11"))
    assert page.get_by_role("heading", name="1 résultat pour « sante »").is_visible()
    assert page.get_by_role("link", name="Inès Garnier").is_visible()
    assert page.get_by_role("link", name="Marc Petit").count() == 0
    screenshot("search-filtered")
