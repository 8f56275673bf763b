from datetime import datetime, timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events import services
from events.models import Event, EventFormat
from participation.models import (
    EmailFrequency,
    NotificationSettings,
    SpaceMembership,
    Visibility,
)
from taxonomy.models import Departement
from tests.factories import EventFactory, ThematiqueFactory, UserFactory, make_space

pytestmark = pytest.mark.django_db


def _titles(client, **params):
    response = client.get(reverse("events:agenda"), params)
    assert response.status_code == 200
    return [event.title for event in response.context["page_obj"].object_list]


def _at(days, hour=10):
    day = timezone.localdate() + timedelta(days=days)
    return timezone.make_aware(datetime.combine(day, datetime.min.time().replace(hour=hour)))


def test_agenda_lists_upcoming_events_first_and_past_ones_on_request(client):
    later = EventFactory(title="Forum dans un mois", start_at=_at(30), end_at=_at(30, 17))
    soon = EventFactory(title="Visite demain", start_at=_at(1), end_at=_at(1, 12))
    past = EventFactory(title="Barcamp passé", start_at=_at(-10), end_at=_at(-10, 17))
    older = EventFactory(title="Rencontre ancienne", start_at=_at(-60), end_at=_at(-60, 17))
    assert _titles(client) == [soon.title, later.title]
    assert _titles(client, when="past") == [past.title, older.title]


def test_agenda_filters_by_type_thematique_region_departement_and_month(client):
    marseille = Departement.objects.get(code="13")
    lille = Departement.objects.get(code="59")
    sante = ThematiqueFactory(name="Santé test", slug="sante-test")
    visit = EventFactory(
        title="Visite à Marseille", format=EventFormat.VISITE, departement=marseille
    )
    visit.thematiques.add(sante)
    EventFactory(title="Barcamp à Lille", format=EventFormat.BARCAMP, departement=lille)
    month = EventFactory(title="Dans deux mois", start_at=_at(62), end_at=_at(62, 18))

    assert _titles(client, format="visite") == [visit.title]
    assert _titles(client, thematique="sante-test") == [visit.title]
    assert _titles(client, region=marseille.region_id) == [visit.title]
    assert _titles(client, departement=lille.pk) == ["Barcamp à Lille"]
    assert _titles(client, month=timezone.localtime(month.start_at).strftime("%Y-%m")) == [
        month.title
    ]


def test_a_month_in_the_past_shows_that_month(client):
    past = EventFactory(
        title="Rencontre d’il y a trois mois", start_at=_at(-95), end_at=_at(-95, 17)
    )
    assert _titles(client, month=timezone.localtime(past.start_at).strftime("%Y-%m")) == [
        past.title
    ]


def test_agenda_shows_places_left_and_the_members_own_registrations(member_client, member):
    full = EventFactory(title="Visite complète", capacity=1)
    services.register(UserFactory(), full)
    open_event = EventFactory(title="Rencontre ouverte", capacity=10)
    services.register(member, open_event)
    html = member_client.get(reverse("events:agenda")).content.decode()
    assert "Complet" in html and "9 places restantes" in html and "Inscrit·e" in html


def test_home_page_shows_the_next_events(client):
    EventFactory(title="Forum ouvert de printemps")
    html = client.get("/").content.decode()
    assert "Prochains événements" in html and "Forum ouvert de printemps" in html


# 25: a full page of 20 and a second page.
@pytest.mark.parametrize("count", [5, 25])
def test_agenda_makes_a_constant_number_of_queries(
    member_client, member, django_assert_max_num_queries, count
):
    thematique = ThematiqueFactory()
    departement = Departement.objects.first()
    for event in EventFactory.create_batch(count, capacity=20, departement=departement):
        event.thematiques.add(thematique)
        services.register(member, event)
    with django_assert_max_num_queries(24):
        response = member_client.get(reverse("events:agenda"))
    assert response.status_code == 200


# The page shows no list of registrants, only counts: 20 registrations are far more than
# the 6 queries between the page's 24 and its budget of 30.
@pytest.mark.parametrize("count", [5, 20])
def test_event_page_makes_a_constant_number_of_queries(
    member_client, django_assert_max_num_queries, count
):
    event = EventFactory(capacity=100)
    for user in UserFactory.create_batch(count):
        services.register(user, event)
    with django_assert_max_num_queries(30):
        response = member_client.get(event.get_absolute_url())
    assert response.status_code == 200


def test_reminders_reach_confirmed_registrants_once_the_day_before(
    django_capture_on_commit_callbacks,
):
    tomorrow = EventFactory(
        title="Visite de demain", start_at=_at(1, 14), end_at=_at(1, 17), capacity=2
    )
    next_week = EventFactory(start_at=_at(7), end_at=_at(7, 12))
    confirmed, quiet, waiting = UserFactory(), UserFactory(), UserFactory()
    NotificationSettings.objects.create(user=quiet, email_frequency=EmailFrequency.NEVER)
    for user in (confirmed, quiet, waiting):
        services.register(user, tomorrow)
    services.register(confirmed, next_week)
    mail.outbox.clear()

    call_command("send_event_reminders")

    assert [m.to for m in mail.outbox] == [[confirmed.email]]
    assert "Visite de demain" in mail.outbox[0].subject
    assert confirmed.notifications.count() == 1 and quiet.notifications.count() == 1
    assert not waiting.notifications.exists()
    assert confirmed.notifications.get().emailed_at is not None  # never again in a digest
    assert Event.objects.get(pk=tomorrow.pk).reminder_sent_at is not None
    assert Event.objects.get(pk=next_week.pk).reminder_sent_at is None

    call_command("send_event_reminders")
    assert len(mail.outbox) == 1


def test_the_agenda_shared_by_members_who_see_the_same_spaces_keeps_private_events_apart(
    client, member_client, member
):
    """The agenda's fragments are kept per address and per visibility class: a member
    invited to a private space sees its events, another member does not, and an
    invitation shows them at the next page; a repeat page reads no event."""
    space = make_space("Groupe privé sentinelle-3c8d", visibility=Visibility.PRIVATE)
    EventFactory(title="Atelier privé sentinelle-3c8d", space=space)
    EventFactory(title="Rencontre ouverte sentinelle-3c8d")
    other = UserFactory()
    SpaceMembership.objects.create(space=space, user=member)
    url = reverse("events:agenda")
    client.force_login(other)

    seen_by_invited = member_client.get(url).content.decode()
    seen_by_other = client.get(url).content.decode()
    with CaptureQueriesContext(connection) as again:
        client.get(url)
    SpaceMembership.objects.create(space=space, user=other)
    seen_once_invited = client.get(url).content.decode()

    assert "Atelier privé" in seen_by_invited and "2 événements" in seen_by_invited
    assert "Atelier privé" not in seen_by_other and "1 événement" in seen_by_other
    assert not [q for q in again.captured_queries if '"events_' in q["sql"]]
    assert "Atelier privé" in seen_once_invited and "2 événements" in seen_once_invited
