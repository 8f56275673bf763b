"""Editors set up a barcamp in the Wagtail admin; the demo holds a past national gathering
with its published grid."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from barcamp.models import BarcampSettings, Interest, Room, Session
from devtools.demo.barcamp import DATA
from tests.factories import (
    BarcampRoomFactory,
    BarcampSessionFactory,
    BarcampSlotFactory,
    EventFactory,
)

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/snippets/barcamp/barcampsettings/add/"


def _formset(prefix, rows):
    data = {
        f"{prefix}-TOTAL_FORMS": len(rows),
        f"{prefix}-INITIAL_FORMS": 0,
        f"{prefix}-MIN_NUM_FORMS": 0,
        f"{prefix}-MAX_NUM_FORMS": 1000,
    }
    for n, row in enumerate(rows):
        data.update({f"{prefix}-{n}-{key}": value for key, value in row.items()})
        data[f"{prefix}-{n}-ORDER"] = n + 1
    return data


def test_editor_sets_up_a_barcamp_with_rooms_and_slots(editor_client):
    event = EventFactory(title="Forum ouvert des délégués du préfet")
    start = timezone.localtime(event.start_at)
    end = start + timedelta(minutes=45)
    response = editor_client.post(
        ADD_URL,
        {
            "event": event.pk,
            "mode": "forum",
            "vote_limit": 4,
            "pitching_closes_at": "",
            **_formset("rooms", [{"name": "Agora", "capacity": 40}]),
            **_formset(
                "slots",
                [{"starts_at": f"{start:%Y-%m-%d %H:%M}", "ends_at": f"{end:%Y-%m-%d %H:%M}"}],
            ),
        },
    )
    assert response.status_code == 302
    barcamp = BarcampSettings.objects.get(event=event)
    assert (barcamp.mode, barcamp.vote_limit, barcamp.schedule_published) == (
        "forum",
        4,
        False,
    )
    assert [room.name for room in barcamp.rooms.all()] == ["Agora"]
    assert barcamp.slots.get().ends_at - barcamp.slots.get().starts_at == timedelta(minutes=45)


def test_an_open_forum_event_gets_its_settings_when_saved_and_keeps_them():
    event = EventFactory(format="forum")
    assert (event.barcamp.mode, event.barcamp.vote_limit) == ("forum", 5)
    other = EventFactory(format="rencontre")
    assert not BarcampSettings.objects.filter(event=other).exists()

    event.format = "rencontre"
    event.save()
    assert BarcampSettings.objects.filter(event=event).count() == 1


def test_members_do_not_reach_the_barcamp_admin(member_client):
    assert member_client.get(ADD_URL).status_code in {302, 403}
    assert not BarcampSettings.objects.exists()


def test_removing_a_room_takes_its_sessions_out_of_the_grid(barcamp):
    room = BarcampRoomFactory(barcamp=barcamp)
    session = BarcampSessionFactory(
        barcamp=barcamp, slot=BarcampSlotFactory(barcamp=barcamp), room=room
    )
    Room.objects.filter(pk=room.pk).delete()
    session.refresh_from_db()
    assert (session.slot_id, session.room_id) == (None, None)


def test_demo_gathering_has_twenty_sessions_chosen_and_a_published_grid(demo, client):
    barcamp = BarcampSettings.objects.select_related("event").get(
        event__title=DATA["past"]["title"]
    )
    assert barcamp.schedule_published and barcamp.event.is_past
    sessions = list(Session.objects.filter(barcamp=barcamp))
    assert len(sessions) == 20 and all(session.is_scheduled for session in sessions)
    assert Interest.objects.filter(session__barcamp=barcamp).count() > 60
    assert all(s.vote_count <= s.room.capacity for s in barcamp.sessions.select_related("room"))
    page = client.get(reverse("barcamp:grid", args=[barcamp.event_id])).content.decode()
    assert all(session.title in page for session in sessions)
    assert client.get(barcamp.event.get_absolute_url()).status_code == 200
