"""Members opt in from their settings; partners confirm their address (double opt-in);
everyone unsubscribes in one click, without logging in."""

import re

import pytest
from django.core import mail
from django.test import Client

from gazette import sending, tokens
from gazette.audience import recipients
from gazette.models import Subscriber
from tests.factories import GazetteIssuePageFactory, MemberSubscriberFactory

pytestmark = pytest.mark.django_db

SUBSCRIBE = "/gazette/abonnement/"


def _link(message):
    return re.search(r"http://testserver(/gazette/\S+/)", message.body).group(1)


def test_a_member_receives_nothing_until_they_say_yes_and_the_date_is_kept(member, member_client):
    page = member_client.get("/participer/notifications/preferences/")
    assert 'name="subscribed"' in page.text
    assert "checked" not in page.text.split('name="subscribed"')[1].split(">")[0]
    assert not Subscriber.objects.exists()

    member_client.post("/gazette/abonnement/membre/", {"subscribed": "on"})
    subscriber = Subscriber.objects.get(user=member)
    assert subscriber.is_active and subscriber.consented_at is not None

    member_client.post("/gazette/abonnement/membre/", {})
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is not None and not subscriber.is_active


def test_a_partner_confirms_their_address_before_receiving_anything(client, gazette_index):
    response = client.post(SUBSCRIBE, {"email": "Partenaire@Exemple.org", "consent": "on"})
    assert "Vérifiez votre boîte de réception" in response.text
    subscriber = Subscriber.objects.get()
    assert subscriber.email == "partenaire@exemple.org" and subscriber.confirmed_at is None
    (confirmation,) = mail.outbox
    link = _link(confirmation)

    issue = GazetteIssuePageFactory(parent=gazette_index)
    assert sending.start(issue) == 0  # the unconfirmed address is nobody's recipient

    assert "Je confirme" in client.get(link).text  # a link scanner's GET confirms nothing
    assert Subscriber.objects.get().confirmed_at is None
    assert "Abonnement confirmé" in client.post(link).text
    subscriber.refresh_from_db()
    assert subscriber.is_active and subscriber.consented_at is not None
    assert list(recipients(GazetteIssuePageFactory(parent=gazette_index))) == [subscriber]


def test_subscribing_requires_consent(client):
    response = client.post(SUBSCRIBE, {"email": "partenaire@exemple.org"})
    assert response.status_code == 200
    assert not Subscriber.objects.exists() and not mail.outbox


def test_an_altered_or_expired_confirmation_link_says_so_in_french(client, monkeypatch):
    client.post(SUBSCRIBE, {"email": "partenaire@exemple.org", "consent": "on"})
    link = _link(mail.outbox[0])

    altered = client.post(link.replace("/confirmer/", "/confirmer/x"))
    assert altered.status_code == 400 and "Lien expiré ou invalide" in altered.text
    monkeypatch.setattr(tokens, "CONFIRM_MAX_AGE", -1)
    expired = client.post(link)
    assert expired.status_code == 400 and "Lien expiré ou invalide" in expired.text
    assert Subscriber.objects.get().confirmed_at is None


def test_the_subscription_form_is_rate_limited(client, settings):
    """The configured count, over a window no run straddles: django-ratelimit's windows
    have fixed edges, and six posts across one edge (a slow machine) were counted in two."""
    count = settings.MAILLAGE_RATE_LIMITS["gazette_subscription"].split("/")[0]
    settings.MAILLAGE_RATE_LIMITS = {
        **settings.MAILLAGE_RATE_LIMITS,
        "gazette_subscription": f"{count}/999d",
    }
    for n in range(6):
        response = client.post(SUBSCRIBE, {"email": f"p{n}@exemple.org", "consent": "on"})
    assert "Trop de demandes" in response.text
    assert Subscriber.objects.count() == len(mail.outbox) == 5


def test_one_click_unsubscribe_needs_no_login_nor_csrf_token():
    subscriber = MemberSubscriberFactory()
    url = tokens.unsubscribe_url(subscriber).removeprefix("http://testserver")

    response = Client(enforce_csrf_checks=True).post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )

    assert response.status_code == 200
    subscriber.refresh_from_db()
    assert subscriber.unsubscribed_at is not None


def test_unsubscribe_page_asks_before_unsubscribing(client):
    subscriber = MemberSubscriberFactory()
    url = tokens.unsubscribe_url(subscriber).removeprefix("http://testserver")

    page = client.get(url)
    assert "Me désabonner" in page.text
    subscriber.refresh_from_db()
    assert subscriber.is_active

    assert "Désabonnement enregistré" in client.post(url).text
    subscriber.refresh_from_db()
    assert not subscriber.is_active
    assert client.post(url.replace("/desabonnement/", "/desabonnement/0")).status_code == 400
