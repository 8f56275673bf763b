"""A member's personal data, end to end on a phone-sized screen: sign up with consent,
follow a région from the agenda, download the export, delete the account."""

import json
import re

from django.core import mail
from playwright.sync_api import expect

from members.models import User
from privacy.models import Consent, LegalDocument
from tests.factories import LegalPageFactory

PASSWORD = "cohesion-sociale-2026"


def test_member_consents_follows_a_region_downloads_and_deletes_their_data(
    live_server, page, screenshot
):
    for document in (LegalDocument.TERMS, LegalDocument.PRIVACY):
        LegalPageFactory(document=document)
    page.set_viewport_size({"width": 390, "height": 844})

    # Sign up: refused without the box, accepted with it.
    page.goto(live_server.url + "/comptes/signup/")
    page.get_by_label("E-mail").fill("samira.cherif@exemple.fr")
    page.get_by_label("Prénom et nom").fill("Samira Cherif")
    page.get_by_label(re.compile(r"^Mot de passe\s*:?$")).fill(PASSWORD)
    page.get_by_label("Mot de passe (confirmation)").fill(PASSWORD)
    page.get_by_role("button", name="Création de compte").click()
    expect(page.get_by_text("acceptez les conditions d’utilisation")).to_be_visible()
    assert not User.objects.filter(email="samira.cherif@exemple.fr").exists()
    page.get_by_label(re.compile(r"^Mot de passe\s*:?$")).fill(PASSWORD)
    page.get_by_label("Mot de passe (confirmation)").fill(PASSWORD)
    page.get_by_label("J’accepte les conditions d’utilisation").check()
    screenshot("privacy-signup-390")
    page.get_by_role("button", name="Création de compte").click()
    page.wait_for_url("**/confirm-email/")
    user = User.objects.get(email="samira.cherif@exemple.fr")
    assert Consent.objects.filter(user=user).count() == 2
    link = re.search(r"https?://\S+/comptes/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(live_server.url + "/" + link.split("://", 1)[1].split("/", 1)[1])
    page.get_by_role("button", name="Confirmer").click()
    page.wait_for_url("**/membres/mon-profil/")

    # Follow a région from the agenda filter.
    page.goto(live_server.url + "/agenda/")
    page.get_by_label("Région").select_option(label="Bretagne")
    page.get_by_role("button", name="Filtrer").click()
    page.get_by_role("button", name=re.compile(r"^Suivre")).click()
    expect(page.get_by_role("button", name=re.compile("ne plus suivre"))).to_be_visible()
    screenshot("privacy-agenda-follow-390")
    page.goto(live_server.url + "/participer/abonnements/")
    expect(page.get_by_role("heading", name="Régions")).to_be_visible()

    # Download everything, from the account page.
    page.goto(live_server.url + "/membres/mon-profil/")
    page.get_by_role("link", name="Télécharger mes données").click()
    screenshot("privacy-my-data-390")
    with page.expect_download() as download_info:
        page.get_by_role("button", name="Télécharger mes données (JSON)").click()
    export = json.loads(open(download_info.value.path(), encoding="utf-8").read())
    assert export["account"]["fields"]["email"] == "samira.cherif@exemple.fr"
    assert export["data"]["participation.Follow"]

    # Delete the account: the password is asked.
    page.get_by_role("link", name="Supprimer mon compte…").click()
    page.get_by_label("Votre mot de passe").fill("pas-le-bon-mot-de-passe")
    page.get_by_label("Je comprends").check()
    page.get_by_role("button", name="Supprimer définitivement mon compte").click()
    expect(page.get_by_text("Ce mot de passe n’est pas le bon.")).to_be_visible()
    page.get_by_label("Votre mot de passe").fill(PASSWORD)
    page.get_by_label("Je comprends").check()
    screenshot("privacy-delete-390")
    page.get_by_role("button", name="Supprimer définitivement mon compte").click()
    expect(page.get_by_text("Votre compte est supprimé.")).to_be_visible()
    expect(page.get_by_role("link", name="Se connecter").first).to_be_visible()
    user.refresh_from_db()
    assert str(user) == "Compte supprimé" and not user.is_active
