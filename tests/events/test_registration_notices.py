"""Without JavaScript, registering reloads the event's page at the registration box
(#inscription): the confirmation is shown in the box, where the anchor lands, not in the
site's messages at the top of the page (out of sight on a phone)."""

from datetime import timedelta

import pytest
from django.urls import reverse

from events import services
from events.models import Registration
from tests.factories import EventFactory, UserFactory

pytestmark = pytest.mark.django_db


def _box(html):
    start = html.index('<section class="registration-box" id="inscription"')
    return html[start : html.index("</section>", start)]


def _post(client, name, event, **extra):
    response = client.post(reverse(name, args=[event.pk]), follow=True, **extra)
    assert response.status_code == 200
    return response


def test_registering_without_javascript_confirms_in_the_registration_box(member_client):
    event = EventFactory(capacity=1, title="Rencontre sentinelle-7f3a9c")
    response = _post(member_client, "events:register", event)
    assert response.redirect_chain == [(f"{event.get_absolute_url()}#inscription", 302)]
    html = response.content.decode()
    notice = (
        '<p class="message message--success card-notice" role="status">'
        "Votre inscription est enregistrée.</p>"
    )
    assert notice in _box(html)
    assert html.count("Votre inscription est enregistrée.") == 1
    assert 'class="messages"' not in html
    # Taken once: the next visit shows the box without it.
    assert "card-notice" not in member_client.get(event.get_absolute_url()).content.decode()

    response = _post(member_client, "events:cancel", event)
    assert response.redirect_chain[-1][0].endswith("#inscription")
    assert "Votre inscription est annulée." in _box(response.content.decode())


def test_the_waiting_list_and_a_refusal_are_told_in_the_box(member_client, member):
    event = EventFactory(capacity=1)
    services.register(UserFactory(), event)
    html = _post(member_client, "events:register", event).content.decode()
    assert (
        '<p class="message message--info card-notice" role="status">L’événement est complet'
        in _box(html)
    )
    html = _post(member_client, "events:cancel", event).content.decode()
    assert "Vous avez quitté la liste d’attente." in _box(html)
    assert not Registration.objects.filter(event=event, user=member).exists()

    start = event.start_at.replace(year=2020)
    past = EventFactory(start_at=start, end_at=start + timedelta(hours=2))
    Registration.objects.create(event=past, user=member)
    html = _post(member_client, "events:cancel", past).content.decode()
    assert (
        '<p class="message message--error card-notice" role="alert">L’événement est passé'
        in _box(html)
    )
    assert 'class="messages"' not in html


def test_with_htmx_the_box_is_swapped_and_announces_at_its_level(member_client, member):
    event = EventFactory()
    response = member_client.post(
        reverse("events:register", args=[event.pk]), HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert html.startswith('<section class="registration-box" id="inscription"')
    assert (
        '<p class="message message--success" data-focus-after-swap data-announce>'
        "Votre inscription est enregistrée.</p>" in html
    )
    assert "card-notice" not in member_client.get(event.get_absolute_url()).content.decode()
    # A refusal keeps its level with htmx too: the error style, not the success one.
    start = event.start_at.replace(year=2020)
    past = EventFactory(start_at=start, end_at=start + timedelta(hours=2))
    Registration.objects.create(event=past, user=member)
    html = member_client.post(
        reverse("events:cancel", args=[past.pk]), HTTP_HX_REQUEST="true"
    ).content.decode()
    assert (
        '<p class="message message--error" data-focus-after-swap data-announce>'
        "L’événement est passé" in html
    )
    assert Registration.objects.filter(event=past, user=member).exists()
