"""After the meeting: attendance marked on the day, registrants exported with their
answers, the minutes published once to followers and registrants."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from events import services
from events.models import Registration
from participation.models import Follow, Notification
from tests.factories import EventFactory, RegistrationQuestionFactory, UserFactory, WorkshopFactory

pytestmark = pytest.mark.django_db


def _past_event(**fields):
    start = timezone.now() - timedelta(days=2)
    return EventFactory(start_at=start, end_at=start + timedelta(hours=3), **fields)


def test_publishing_the_minutes_tells_followers_and_registrants_once(editor):
    event = EventFactory()
    registrant, follower, stranger = UserFactory(), UserFactory(), UserFactory()
    services.register(registrant, event)
    Follow.objects.create(user=follower, content_object=event)
    event.minutes_summary = "<p>Ce qui s’est dit.</p>"
    services.event_saved(editor, event, is_new=False)
    assert not Notification.objects.exists()  # not published yet

    event.minutes_published = True
    event.save()
    services.event_saved(editor, event, is_new=False)
    services.event_saved(editor, event, is_new=False)  # a second save: nobody told again
    recipients = Notification.objects.values_list("recipient", flat=True)
    assert sorted(recipients) == sorted([registrant.pk, follower.pk])
    assert not stranger.notifications.exists()


def test_a_past_event_shows_its_minutes_before_its_presentation(client):
    event = _past_event(
        description="Présentation sentinelle-p1",
        minutes_summary="<p>Compte rendu sentinelle-m2</p>",
        participants_count=80,
        structures_count=1,
        minutes_published=True,
    )
    html = client.get(event.get_absolute_url()).content.decode().split("<main", 1)[1]
    assert html.index("sentinelle-m2") < html.index("sentinelle-p1")
    assert "<strong>80</strong> participant·es" in html
    assert "<strong>1</strong> structure présente" in html


def test_unpublished_minutes_stay_hidden(client):
    event = _past_event(minutes_summary="<p>Brouillon sentinelle-0c7e</p>")
    assert "sentinelle-0c7e" not in client.get(event.get_absolute_url()).content.decode()


def test_the_organiser_marks_attendance_without_javascript(member_client, member):
    event = EventFactory(organiser=member)
    came, absent = UserFactory(), UserFactory()
    for user in (came, absent):
        services.register(user, event)
    registrations = {r.user_id: r.pk for r in Registration.objects.filter(event=event)}
    url = reverse("events:attendance", args=[event.pk])
    assert member_client.get(url).status_code == 200
    response = member_client.post(
        url,
        {
            "on_page": list(registrations.values()) + ["x", "²"],
            "present": [registrations[came.pk]],
        },
    )
    assert response.status_code == 302
    attended = dict(Registration.objects.values_list("user_id", "attended"))
    assert attended == {came.pk: True, absent.pk: False}


def test_members_cannot_see_or_mark_attendance(member_client):
    event = EventFactory()
    registration = services.register(UserFactory(), event)
    url = reverse("events:attendance", args=[event.pk])
    assert member_client.get(url).status_code == 403
    assert member_client.post(url, {"on_page": [registration.pk]}).status_code == 403
    assert member_client.get(reverse("events:registrations", args=[event.pk])).status_code == 403


def test_the_export_holds_answers_and_workshops_and_is_formula_safe(editor_client):
    event = EventFactory()
    question = RegistrationQuestionFactory(event=event, label="Besoins alimentaires")
    workshop = WorkshopFactory(event=event, title="Atelier habitat")
    user = UserFactory(display_name="=cmd|' /C calc'!A0")
    services.register(user, event, answers={question: '=HYPERLINK("x")'}, workshops=[workshop])
    response = editor_client.get(
        reverse("events:registrations", args=[event.pk]), {"format": "csv"}
    )
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))
    assert rows[0][-2:] == ["Ateliers", "Besoins alimentaires"]
    assert rows[1][0] == "'=cmd|' /C calc'!A0"
    assert rows[1][-2:] == ["Atelier habitat", '\'=HYPERLINK("x")']


def test_the_online_link_is_shown_to_confirmed_registrants_only(member_client, member, client):
    event = EventFactory(online_url="https://visio.exemple.fr/sentinelle-4b8e")
    assert "sentinelle-4b8e" not in client.get(event.get_absolute_url()).content.decode()
    assert "sentinelle-4b8e" not in member_client.get(event.get_absolute_url()).content.decode()
    services.register(member, event)
    assert "sentinelle-4b8e" in member_client.get(event.get_absolute_url()).content.decode()
