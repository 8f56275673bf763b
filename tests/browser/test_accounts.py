import re

from django.core import mail

from members.models import User


def test_visitor_signs_up_confirms_and_logs_in_through_the_pages(live_server, page, screenshot):
    page.goto(live_server.url + "/")
    page.get_by_role("link", name="Créer un compte").first.click()
    page.get_by_label("E-mail").fill("samira.cherif@exemple.fr")
    page.get_by_label("Prénom et nom").fill("Samira Cherif")
    page.get_by_label(re.compile(r"^Mot de passe\s*:?$")).fill("cohesion-sociale-2026")
    page.get_by_label("Mot de passe (confirmation)").fill("cohesion-sociale-2026")
    page.get_by_label("J’accepte les conditions d’utilisation").check()
    screenshot("signup-form")
    page.get_by_role("button", name="Création de compte").click()

    page.wait_for_url("**/confirm-email/")
    assert User.objects.filter(email="samira.cherif@exemple.fr").exists()
    body = mail.outbox[-1].body
    link = re.search(r"https?://\S+/comptes/confirm-email/\S+/", body).group(0)
    page.goto(live_server.url + "/" + link.split("://", 1)[1].split("/", 1)[1])
    page.get_by_role("button", name="Confirmer").click()

    page.wait_for_url("**/membres/mon-profil/")
    assert page.get_by_text("Complétez votre profil").is_visible()
    page.get_by_label("Type de structure").select_option("centre_ressources")
    page.get_by_label("Nom de la structure").fill("Profession Banlieue")
    page.get_by_label("Fonction").fill("Chargée de mission")
    page.get_by_label("Région").select_option(label="Île-de-France")
    page.get_by_role("button", name="Enregistrer mon profil").click()
    assert page.get_by_text("Votre profil est enregistré.").is_visible()
    screenshot("profile-saved")

    page.get_by_role("button", name="Se déconnecter").click()
    page.get_by_role("link", name="Se connecter").first.click()
    page.get_by_label("E-mail").fill("samira.cherif@exemple.fr")
    page.get_by_label(re.compile(r"^Mot de passe\s*:?$")).fill("cohesion-sociale-2026")
    page.get_by_role("button", name="Se connecter").click()
    assert page.get_by_role("button", name="Se déconnecter").is_visible()
    screenshot("logged-in")
