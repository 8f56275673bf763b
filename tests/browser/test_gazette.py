import json
import re

from django.core import mail

from gazette.models import Subscriber
from tests.browser.conftest import save_screenshot
from tests.factories import GazetteIndexPageFactory, GazetteIssuePageFactory

BODY = json.dumps([{"type": "texte", "value": "<p>Le mot de la rédaction.</p>"}])


def test_a_partner_reads_an_issue_then_subscribes_and_confirms_on_a_phone(live_server, browser):
    index = GazetteIndexPageFactory()
    GazetteIssuePageFactory(parent=index, title="La gazette n° 1", body=BODY)
    context = browser.new_context(locale="fr-FR", viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.set_default_timeout(15_000)

    def shoot(name):
        save_screenshot(page, name)

    page.goto(live_server.url + "/gazette/")
    page.get_by_text("1 numéro paru").wait_for()
    shoot("gazette-archive-390")
    page.get_by_role("link", name="La gazette n° 1").click()
    page.get_by_text("Le mot de la rédaction.").wait_for()
    shoot("gazette-issue-390")
    page.get_by_role("link", name="S’abonner", exact=True).click()
    page.get_by_label("Votre adresse e-mail").fill("veille@partenaire.exemple.org")
    page.get_by_label(re.compile("J’accepte de recevoir la gazette")).check()
    shoot("gazette-subscribe-390")
    page.get_by_role("button", name="Recevoir le lien de confirmation").click()
    page.get_by_role("heading", name="Vérifiez votre boîte de réception").wait_for()
    assert Subscriber.objects.get().confirmed_at is None

    link = re.search(r"http://testserver(\S+)", mail.outbox[0].body).group(1)
    page.goto(live_server.url + link)
    page.get_by_role("button", name="Je confirme mon abonnement").click()
    page.get_by_role("heading", name="Abonnement confirmé").wait_for()
    assert Subscriber.objects.get().is_active
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    context.close()
