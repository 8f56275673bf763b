"""A member finds a peer in the directory and writes to them; the peer follows the link
of the e-mail, answers, and the page reflows at 390 px."""

import re

from django.core import mail
from django.urls import reverse

from participation.models import EmailFrequency, NotificationSettings
from tests.browser.conftest import save_screenshot
from tests.factories import PASSWORD, directory_member


def _log_in(page, url, user):
    page.goto(url + "/comptes/login/")
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_label(re.compile(r"^Mot de passe\s*:?$")).fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()


def test_member_writes_to_a_peer_found_in_the_directory_who_answers_from_the_email(
    live_server, browser, page, screenshot
):
    claire = directory_member(display_name="Claire Martin", email="claire.martin@exemple.fr")
    karim = directory_member(display_name="Karim Benali", email="karim.benali@exemple.fr")
    NotificationSettings.objects.create(user=karim, email_frequency=EmailFrequency.IMMEDIATE)
    mail.outbox.clear()

    # Claire finds Karim in the directory and writes to him from his profile.
    _log_in(page, live_server.url, claire)
    page.goto(live_server.url + reverse("members:directory"))
    page.get_by_label("Nom, structure ou fonction").fill("Benali")
    page.get_by_role("button", name="Filtrer").click()
    page.get_by_role("link", name="Karim Benali").click()
    page.get_by_role("link", name="Écrire à ce membre").click()
    assert page.get_by_label("Karim Benali").is_checked()
    page.get_by_label("Votre message").fill("Bonjour Karim, votre trame de diagnostic GUSP ?")
    page.get_by_role("button", name="Envoyer le message").click()
    page.get_by_text("Votre message est envoyé.").wait_for()
    screenshot("messaging-sent")
    assert "karim.benali@" not in page.content()

    # Karim follows the link of the e-mail, logs in and answers; htmx keeps the focus.
    [email] = mail.outbox
    assert "Bonjour Karim, votre trame de diagnostic GUSP ?" in email.body
    assert "claire.martin@" not in email.body
    link = re.search(r"http://testserver(/messages/\d+/)", email.body).group(1)
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    peer = context.new_page()
    peer.goto(live_server.url + link)
    peer.get_by_label("E-mail").fill(karim.email)
    peer.get_by_label(re.compile(r"^Mot de passe\s*:?$")).fill(PASSWORD)
    peer.get_by_role("button", name="Se connecter").click()
    peer.get_by_text("votre trame de diagnostic GUSP").wait_for()
    peer.get_by_label("Votre réponse").fill("Avec plaisir, je vous l’envoie demain.")
    peer.get_by_role("button", name="Envoyer").click()
    peer.locator(".chat-message--mine").get_by_text("je vous l’envoie demain").wait_for()
    # The focus moves once htmx has settled the swap, a moment after the message shows.
    peer.wait_for_function(
        "document.activeElement && document.activeElement.name === 'body'", timeout=5000
    )
    assert peer.evaluate("document.documentElement.scrollWidth") <= 390
    save_screenshot(peer, "messaging-reply-390")
    context.close()

    # Claire sees the unread conversation in the header.
    page.goto(live_server.url + reverse("messaging:inbox"))
    assert page.locator(".messages-link .badge").inner_text().startswith("1")
    assert page.get_by_text("Non lu", exact=True).is_visible()
    screenshot("messaging-inbox")
