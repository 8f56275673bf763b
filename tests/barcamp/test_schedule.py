"""Organisers place sessions into the grid and publish it: conflicts are refused with a
French message and write nothing; the grid stays hidden until published."""

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from barcamp.models import Session
from events.models import RegistrationStatus
from participation.models import Notification
from tests.barcamp.conftest import client_for, register
from tests.factories import (
    BarcampFactory,
    BarcampRoomFactory,
    BarcampSessionFactory,
    BarcampSlotFactory,
    ThematiqueFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def grid(barcamp):
    """Two rooms (30 and 5 places) and two slots."""
    rooms = [
        BarcampRoomFactory(barcamp=barcamp, name="Amphithéâtre", capacity=30),
        BarcampRoomFactory(barcamp=barcamp, name="Atelier", capacity=5),
    ]
    return rooms, BarcampSlotFactory.create_batch(2, barcamp=barcamp)


def _place(client, session, slot, room, follow=True):
    return client.post(
        reverse("barcamp:place", args=[session.pk]),
        {"slot": slot.pk if slot else "", "room": room.pk if room else ""},
        follow=follow,
    )


def _cell(session):
    session = Session.objects.get(pk=session.pk)
    return session.slot_id, session.room_id


@pytest.mark.parametrize("role", ["moderator", "editor", "organiser"])
def test_organisers_place_a_session(request, barcamp, grid, role):
    if role == "organiser":
        user = barcamp.event.organiser = UserFactory()
        barcamp.event.save()
    else:
        user = request.getfixturevalue(role)
    (amphi, _atelier), (first, _second) = grid
    session = BarcampSessionFactory(barcamp=barcamp)
    page = _place(client_for(user), session, first, amphi).content.decode()
    assert f"« {session.title} » est placée en Amphithéâtre" in page
    assert _cell(session) == (first.pk, amphi.pk)


def test_participants_do_not_place_sessions(participant_client, participant, barcamp, grid):
    (amphi, _atelier), (first, _second) = grid
    session = BarcampSessionFactory(barcamp=barcamp, pitcher=participant)
    assert _place(participant_client, session, first, amphi, follow=False).status_code == 403
    assert _cell(session) == (None, None)
    organise = reverse("barcamp:organise", args=[barcamp.event_id])
    assert participant_client.get(organise).status_code == 403


def test_room_already_taken_on_the_slot_is_refused(moderator_client, barcamp, grid):
    (amphi, _atelier), (first, _second) = grid
    taken = BarcampSessionFactory(
        barcamp=barcamp, title="Données carroyées", slot=first, room=amphi
    )
    session = BarcampSessionFactory(barcamp=barcamp)
    page = _place(moderator_client, session, first, amphi).content.decode()
    assert "La salle « Amphithéâtre » est déjà prise sur le créneau" in page
    assert "par « Données carroyées »" in page
    assert _cell(session) == (None, None) and _cell(taken) == (first.pk, amphi.pk)


def test_the_database_refuses_two_sessions_in_one_cell(barcamp, grid):
    (amphi, _atelier), (first, _second) = grid
    BarcampSessionFactory(barcamp=barcamp, slot=first, room=amphi)
    with pytest.raises(IntegrityError), transaction.atomic():
        BarcampSessionFactory(barcamp=barcamp, slot=first, room=amphi)


def test_room_smaller_than_the_demand_is_refused(moderator_client, barcamp, grid):
    (_amphi, atelier), (first, _second) = grid
    session = BarcampSessionFactory(barcamp=barcamp, vote_count=6)
    page = _place(moderator_client, session, first, atelier).content.decode()
    assert "La salle « Atelier » compte 5 places, mais 6 participant·es" in page
    assert _cell(session) == (None, None)


def test_pitcher_cannot_lead_two_sessions_at_once(moderator_client, barcamp, grid):
    (amphi, atelier), (first, second) = grid
    pitcher = UserFactory()
    BarcampSessionFactory(barcamp=barcamp, pitcher=pitcher, slot=first, room=amphi)
    session = BarcampSessionFactory(barcamp=barcamp, pitcher=pitcher)
    page = _place(moderator_client, session, first, atelier).content.decode()
    assert "anime déjà" in page and _cell(session) == (None, None)
    _place(moderator_client, session, second, atelier)
    assert _cell(session) == (second.pk, atelier.pk)


def test_bad_placements_are_refused_with_a_message(moderator_client, barcamp, grid):
    (amphi, _atelier), (first, _second) = grid
    session = BarcampSessionFactory(barcamp=barcamp)
    page = _place(moderator_client, session, first, None).content.decode()
    assert "Choisissez à la fois un créneau et une salle" in page
    elsewhere = BarcampFactory()
    foreign_room = BarcampRoomFactory(barcamp=elsewhere)
    response = _place(moderator_client, session, first, foreign_room)
    assert (
        response.status_code == 200 and "Sélectionnez un choix valide" in response.content.decode()
    )
    url = reverse("barcamp:place", args=[session.pk])
    assert moderator_client.post(url, {"slot": "abc", "room": "\x00"}, follow=True).status_code in {
        200,
        400,
    }
    assert _cell(session) == (None, None)


def test_session_taken_out_of_the_grid(moderator_client, barcamp, grid):
    (amphi, _atelier), (first, _second) = grid
    session = BarcampSessionFactory(barcamp=barcamp, slot=first, room=amphi)
    assert (
        "est retirée de la grille" in _place(moderator_client, session, None, None).content.decode()
    )
    assert _cell(session) == (None, None)


def test_grid_is_hidden_until_published_then_shown_to_all(
    client, participant_client, moderator, moderator_client, barcamp, grid
):
    (amphi, _atelier), (first, _second) = grid
    BarcampSessionFactory(barcamp=barcamp, title="sentinelle-7f3a9c", slot=first, room=amphi)
    url = reverse("barcamp:grid", args=[barcamp.event_id])
    for visitor in (client, participant_client):
        page = visitor.get(url).content.decode()
        assert "sentinelle-7f3a9c" not in page and "pas encore publiée" in page
    assert "sentinelle-7f3a9c" in moderator_client.get(url).content.decode()

    publish = reverse("barcamp:publish", args=[barcamp.event_id])
    assert participant_client.post(publish).status_code == 403
    assert not Notification.objects.exists()
    moderator_client.post(publish)
    for visitor in (client, participant_client):
        assert "sentinelle-7f3a9c" in visitor.get(url).content.decode()
    # The grid is one fragment for all: a renamed session renews it at once.
    Session.objects.filter(title="sentinelle-7f3a9c").update(title="Session renommée-3a6f2d")
    page = client.get(url).content.decode()
    assert "Session renommée-3a6f2d" in page and "sentinelle-7f3a9c" not in page


def test_publication_notifies_confirmed_participants_once(
    moderator_client, participant, barcamp, grid
):
    waiting = register(UserFactory(), barcamp, RegistrationStatus.WAITING)
    publish = reverse("barcamp:publish", args=[barcamp.event_id])
    moderator_client.post(publish)
    moderator_client.post(publish, {"action": "unpublish"})
    moderator_client.post(publish)
    notifications = Notification.objects.select_related("activity")
    assert [n.recipient for n in notifications] == [participant]
    assert notifications[0].activity.url == reverse("barcamp:grid", args=[barcamp.event_id])
    assert not Notification.objects.filter(recipient=waiting).exists()


def _fill(barcamp, rooms, slots, start, stop, thematique):
    """Sessions number start to stop, placed cell after cell while cells are free."""
    cells = [(slot, room) for room in rooms for slot in slots]
    for n in range(start, stop):
        slot, room = cells[n] if n < len(cells) else (None, None)
        BarcampSessionFactory(
            barcamp=barcamp, thematique=thematique, slot=slot, room=room, vote_count=n
        )


@pytest.mark.parametrize("page", ["grid", "sessions", "organise"])
def test_pages_make_as_many_queries_with_few_or_many_sessions(
    moderator, moderator_client, django_assert_max_num_queries, barcamp, page
):
    register(moderator, barcamp)  # an organiser who takes part: every button shows
    barcamp.schedule_published = True
    barcamp.save()
    rooms = BarcampRoomFactory.create_batch(3, barcamp=barcamp)
    slots = BarcampSlotFactory.create_batch(3, barcamp=barcamp)
    url = reverse(f"barcamp:{page}", args=[barcamp.event_id])
    thematique = ThematiqueFactory()
    moderator_client.get(url)  # warm the session and permission caches
    # Then each measured page is rendered afresh: new sessions expire the grid's fragment.
    _fill(barcamp, rooms, slots, 0, 2, thematique)
    with CaptureQueriesContext(connection) as few:
        assert moderator_client.get(url).status_code == 200
    with_few = len(few.captured_queries)  # counted before the next request clears the log
    _fill(barcamp, rooms, slots, 2, 12, thematique)
    moderator_client.get(url)  # the writes renewed the member's cached row and facts
    with django_assert_max_num_queries(with_few):
        assert moderator_client.get(url).status_code == 200
