"""« Je veux y aller » : one per participant and session, a per-person limit and the
room's places, held when requests arrive together."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from barcamp import services
from barcamp.models import Interest, Session
from tests.barcamp.conftest import client_for, register
from tests.concurrency import race
from tests.factories import (
    BarcampFactory,
    BarcampRoomFactory,
    BarcampSessionFactory,
    BarcampSlotFactory,
    UserFactory,
)


def _choose(client, session, action="add", **headers):
    return client.post(reverse("barcamp:choose", args=[session.pk]), {"action": action}, **headers)


@pytest.mark.django_db
def test_participant_chooses_then_withdraws(participant_client, participant, barcamp):
    session = BarcampSessionFactory(barcamp=barcamp)
    assert _choose(participant_client, session).status_code == 302
    assert _choose(participant_client, session).status_code == 302  # a double click
    assert Interest.objects.filter(user=participant).count() == 1
    assert Session.objects.get().vote_count == 1
    assert _choose(participant_client, session, "remove").status_code == 302
    assert not Interest.objects.exists() and Session.objects.get().vote_count == 0


@pytest.mark.django_db
def test_choice_in_place_with_htmx(participant_client, barcamp):
    session = BarcampSessionFactory(barcamp=barcamp)
    response = _choose(participant_client, session, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert response.status_code == 200 and "<html" not in page
    assert 'aria-pressed="true"' in page and 'id="choix-restants"' in page
    assert "Il vous reste <strong>2</strong> choix sur 3." in page


@pytest.mark.django_db
def test_limit_per_participant(participant_client, participant, barcamp):
    sessions = BarcampSessionFactory.create_batch(4, barcamp=barcamp)
    for session in sessions[:3]:
        _choose(participant_client, session)
    response = _choose(participant_client, sessions[3], HTTP_HX_REQUEST="true")
    assert "Vous avez déjà choisi 3 sessions, le maximum" in response.content.decode()
    assert Interest.objects.filter(user=participant).count() == 3
    assert Session.objects.get(pk=sessions[3].pk).vote_count == 0


@pytest.mark.django_db
def test_non_participants_cannot_choose(client, barcamp):
    session = BarcampSessionFactory(barcamp=barcamp)
    outsider = client_for(UserFactory())
    assert _choose(outsider, session).status_code == 403
    assert _choose(client, session).status_code == 302  # to the login page
    other_barcamp_member = client_for(register(UserFactory(), BarcampFactory()))
    assert _choose(other_barcamp_member, session).status_code == 403
    assert not Interest.objects.exists() and Session.objects.get().vote_count == 0


@pytest.mark.django_db
def test_no_choice_after_the_event(participant_client, barcamp):
    session = BarcampSessionFactory(barcamp=barcamp)
    barcamp.event.start_at = timezone.now() - timedelta(hours=3)
    barcamp.event.end_at = timezone.now() - timedelta(hours=1)
    barcamp.event.save()
    _choose(participant_client, session)
    assert not Interest.objects.exists()


@pytest.mark.django_db
def test_placed_session_takes_no_more_choices_than_its_room_holds(barcamp, participant):
    session = BarcampSessionFactory(
        barcamp=barcamp,
        slot=BarcampSlotFactory(barcamp=barcamp),
        room=BarcampRoomFactory(barcamp=barcamp, capacity=1, name="Atelier 2"),
    )
    services.choose(participant, session)
    late = register(UserFactory(), barcamp)
    with pytest.raises(services.Refused, match="La salle « Atelier 2 » est pleine"):
        services.choose(late, session)
    assert Session.objects.get().vote_count == 1


@pytest.mark.django_db(transaction=True)
def test_limit_holds_when_one_participant_chooses_from_many_tabs_at_once():
    barcamp = BarcampFactory(vote_limit=3)
    member = register(UserFactory(), barcamp)
    sessions = BarcampSessionFactory.create_batch(7, barcamp=barcamp)
    outcomes = race(
        [lambda s=s: services.choose(member, s) for s in sessions], {services.Refused: "refused"}
    )
    assert outcomes.count(True) == 3 and outcomes.count("refused") == 4
    assert Interest.objects.filter(user=member).count() == 3
    for session in Session.objects.all():
        assert session.vote_count == session.interests.count()


@pytest.mark.django_db(transaction=True)
def test_room_places_hold_when_many_participants_choose_at_once():
    barcamp = BarcampFactory()
    session = BarcampSessionFactory(
        barcamp=barcamp,
        slot=BarcampSlotFactory(barcamp=barcamp),
        room=BarcampRoomFactory(barcamp=barcamp, capacity=4),
    )
    members = [register(UserFactory(), barcamp) for _n in range(8)]
    outcomes = race(
        [lambda m=m: services.choose(m, session) for m in members], {services.Refused: "refused"}
    )
    assert outcomes.count(True) == 4 and outcomes.count("refused") == 4
    assert Interest.objects.count() == 4 and Session.objects.get().vote_count == 4


@pytest.mark.django_db
def test_the_shared_session_list_shows_each_member_their_own_choices_once_voting_closed(
    participant_client, participant, barcamp, client
):
    """Without a choice to make, the list is a fragment shared by who chose the same
    sessions: a participant's past choice is theirs only, a new session and a new count
    show at once."""
    chosen, other_session = BarcampSessionFactory.create_batch(2, barcamp=barcamp)
    services.choose(participant, chosen)
    services.choose(register(UserFactory(), barcamp), other_session)
    start = timezone.now() - timedelta(days=2)
    type(barcamp.event).objects.filter(pk=barcamp.event_id).update(
        start_at=start, end_at=start + timedelta(hours=8)
    )
    url = reverse("barcamp:sessions", args=[barcamp.event_id])
    client.force_login(UserFactory())

    mine = participant_client.get(url).content.decode()
    theirs = client.get(url).content.decode()
    BarcampSessionFactory(barcamp=barcamp, title="Session sentinelle-1d7b")
    Session.objects.filter(pk=other_session.pk).update(vote_count=7)
    after = client.get(url).content.decode()

    assert "Vous avez choisi cette session." in mine and "Je veux y aller" not in mine
    assert "Vous avez choisi cette session." not in theirs
    assert "sentinelle-1d7b" in after and "<strong>7</strong> personnes veulent y aller" in after
