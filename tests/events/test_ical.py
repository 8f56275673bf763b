"""Calendar outputs, read back with the icalendar library: events keep their local time
and carry the VTIMEZONE of their zone."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from taxonomy.models import Departement
from tests.factories import EventFactory, ThematiqueFactory

pytestmark = pytest.mark.django_db

PARIS = ZoneInfo("Europe/Paris")
REUNION = ZoneInfo("Indian/Reunion")


def _parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def _summaries(calendar):
    return sorted(str(event["SUMMARY"]) for event in calendar.walk("VEVENT"))


def test_event_calendar_keeps_paris_time_with_its_timezone(client):
    event = EventFactory(
        title="Rencontre : emploi, jeunesse; quartiers",
        address="12 rue Sainte",
        commune="Marseille",
        start_at=datetime(2027, 3, 12, 9, 30, tzinfo=PARIS),
        end_at=datetime(2027, 3, 12, 17, 0, tzinfo=PARIS),
    )
    calendar = _parse(client.get(reverse("events:ics", args=[event.pk])))
    (vevent,) = calendar.walk("VEVENT")
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    start = vevent.decoded("DTSTART")
    assert start == datetime(2027, 3, 12, 9, 30, tzinfo=PARIS)
    assert vevent["DTSTART"].params["TZID"] == "Europe/Paris"
    assert str(vevent["SUMMARY"]) == "Rencontre : emploi, jeunesse; quartiers"
    assert str(vevent["LOCATION"]) == "12 rue Sainte, Marseille"
    assert str(vevent["UID"]).startswith(f"event-{event.pk}@")


def test_an_overseas_event_is_in_its_departements_time_zone(client):
    reunion = Departement.objects.get(code="974")
    event = EventFactory(
        departement=reunion,
        commune="Saint-Denis",
        start_at=datetime(2027, 6, 3, 9, 0, tzinfo=REUNION),
        end_at=datetime(2027, 6, 3, 12, 0, tzinfo=REUNION),
    )
    calendar = _parse(client.get(reverse("events:ics", args=[event.pk])))
    (vevent,) = calendar.walk("VEVENT")
    assert vevent["DTSTART"].params["TZID"] == "Indian/Reunion"
    assert vevent.decoded("DTSTART") == datetime(2027, 6, 3, 9, 0, tzinfo=REUNION)
    assert [str(tz["TZID"]) for tz in calendar.walk("VTIMEZONE")] == ["Indian/Reunion"]
    page = client.get(event.get_absolute_url()).content.decode()
    assert "de 09:00 à 12:00" in page and "heure locale" in page


def test_a_time_zone_chosen_on_the_event_wins(client):
    event = EventFactory(time_zone="America/Cayenne")
    calendar = _parse(client.get(reverse("events:ics", args=[event.pk])))
    (vevent,) = calendar.walk("VEVENT")
    assert vevent["DTSTART"].params["TZID"] == "America/Cayenne"
    assert vevent.decoded("DTSTART") == event.start_at.replace(microsecond=0)


def test_feeds_by_thematique_and_territory_hold_their_events_only(client):
    thematique = ThematiqueFactory()
    lille = Departement.objects.get(code="59")
    martinique = Departement.objects.get(code="972")
    tagged = EventFactory(title="Sur la thématique", departement=lille)
    tagged.thematiques.add(thematique)
    EventFactory(title="En Martinique", departement=martinique)
    EventFactory(title="Archivé", departement=lille, archived=True)
    EventFactory(
        title="Passé",
        departement=lille,
        start_at=timezone.now() - timedelta(days=3),
        end_at=timezone.now() - timedelta(days=3),
    )

    by_theme = _parse(client.get(reverse("events:thematique_ics", args=[thematique.slug])))
    assert _summaries(by_theme) == ["Sur la thématique"]
    by_region = _parse(client.get(reverse("events:region_ics", args=[lille.region.code])))
    assert _summaries(by_region) == ["Sur la thématique"]
    by_departement = _parse(client.get(reverse("events:departement_ics", args=["972"])))
    assert _summaries(by_departement) == ["En Martinique"]
    assert [str(tz["TZID"]) for tz in by_departement.walk("VTIMEZONE")] == ["America/Martinique"]
    everything = _parse(client.get(reverse("events:agenda_ics")))
    assert _summaries(everything) == ["En Martinique", "Sur la thématique"]
    assert client.get(reverse("events:region_ics", args=["zz"])).status_code == 404


def test_online_link_never_goes_into_a_public_calendar(client):
    event = EventFactory(online_url="https://visio.exemple.fr/sentinelle-7f3a9c21", commune="")
    response = client.get(reverse("events:ics", args=[event.pk]))
    assert b"sentinelle-7f3a9c21" not in response.content.replace(b"\r\n ", b"")
    (vevent,) = _parse(response).walk("VEVENT")
    assert str(vevent["LOCATION"]) == "En ligne"


def test_a_feed_is_written_once_and_shows_an_edit_at_the_next_request(
    client, django_assert_num_queries
):
    lille = Departement.objects.get(code="59")
    event = EventFactory(title="Premier atelier", departement=lille)
    url = reverse("events:region_ics", args=[lille.region.code])
    assert _summaries(_parse(client.get(url))) == ["Premier atelier"]
    with django_assert_num_queries(1):  # the region; the calendar is served as written
        assert _summaries(_parse(client.get(url))) == ["Premier atelier"]
    EventFactory(title="Second atelier", departement=lille)
    event.title = "Premier atelier renommé"
    event.save()
    assert _summaries(_parse(client.get(url))) == ["Premier atelier renommé", "Second atelier"]
