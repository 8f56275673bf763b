"""Pitching a session: registered participants only, 300 characters, while pitching is
open; the pitcher edits and withdraws until the session is in the grid."""

from datetime import timedelta

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from barcamp.models import Session
from events.models import RegistrationStatus
from tests.barcamp.conftest import client_for, register
from tests.factories import (
    BarcampRoomFactory,
    BarcampSessionFactory,
    BarcampSlotFactory,
    EventFactory,
    ThematiqueFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _pitch(client, barcamp, **data):
    return client.post(
        reverse("barcamp:pitch", args=[barcamp.event_id]),
        {"title": "Données carroyées", "pitch": "Qui sait s’en servir ?", **data},
    )


def test_participant_pitches_a_session(participant_client, participant, barcamp):
    thematique = ThematiqueFactory()
    response = _pitch(participant_client, barcamp, thematique=thematique.pk)
    session = Session.objects.get()
    assert response.status_code == 302 and response["Location"] == session.get_absolute_url()
    assert (session.barcamp, session.pitcher, session.thematique) == (
        barcamp,
        participant,
        thematique,
    )
    page = participant_client.get(session.get_absolute_url()).content.decode()
    assert "Données carroyées" in page and "Qui sait s’en servir ?" in page


def test_pitch_of_301_characters_is_refused_and_kept(participant_client, barcamp):
    text = "sentinelle-7f3a9c " + "x" * 283
    assert len(text) == 301
    response = _pitch(participant_client, barcamp, pitch=text)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Le pitch tient en 300 caractères au plus : le vôtre en compte 301." in page
    assert text in page
    assert not Session.objects.exists()
    assert _pitch(participant_client, barcamp, pitch="y" * 300).status_code == 302


@pytest.mark.parametrize("status", [None, RegistrationStatus.WAITING])
def test_only_confirmed_participants_pitch(barcamp, status):
    user = UserFactory()
    if status:
        register(user, barcamp, status)
    client = client_for(user)
    assert client.get(reverse("barcamp:pitch", args=[barcamp.event_id])).status_code == 403
    assert _pitch(client, barcamp).status_code == 403
    assert not Session.objects.exists()


def test_visitor_is_sent_to_the_login_page(client, barcamp):
    response = _pitch(client, barcamp)
    assert response.status_code == 302 and "/comptes/login/" in response["Location"]
    assert not Session.objects.exists()


def test_no_pitch_once_pitching_closed(participant_client, barcamp):
    barcamp.pitching_closes_at = timezone.now() - timedelta(minutes=1)
    barcamp.save()
    assert _pitch(participant_client, barcamp).status_code == 403
    assert not Session.objects.exists()


@override_settings(MAILLAGE_RATE_LIMITS={"proposal": "1/999d"})
def test_pitch_burst_is_refused_with_the_text_kept(participant_client, barcamp):
    assert _pitch(participant_client, barcamp).status_code == 302
    response = _pitch(participant_client, barcamp, title="sentinelle-7f3a9c")
    assert response.status_code == 200
    page = response.content.decode()
    assert "patientez un instant" in page and "sentinelle-7f3a9c" in page
    assert Session.objects.count() == 1


def test_pitcher_edits_and_withdraws_until_placed(participant_client, participant, barcamp):
    session = BarcampSessionFactory(barcamp=barcamp, pitcher=participant)
    edit = reverse("barcamp:edit", args=[session.pk])
    response = participant_client.post(edit, {"title": "Nouveau titre", "pitch": "Court."})
    assert response.status_code == 302
    assert Session.objects.get().title == "Nouveau titre"

    placed = Session.objects.filter(pk=session.pk)
    placed.update(
        slot=BarcampSlotFactory(barcamp=barcamp), room=BarcampRoomFactory(barcamp=barcamp)
    )
    assert participant_client.post(edit, {"title": "Encore", "pitch": "Non."}).status_code == 403
    withdraw = reverse("barcamp:withdraw", args=[session.pk])
    assert participant_client.post(withdraw).status_code == 403
    assert Session.objects.get().title == "Nouveau titre"

    placed.update(slot=None, room=None)
    assert participant_client.post(withdraw).status_code == 302
    assert not Session.objects.exists()


def test_nobody_else_edits_a_pitch(barcamp, participant):
    session = BarcampSessionFactory(barcamp=barcamp, title="Titre d’origine")
    client = client_for(participant)
    edit = reverse("barcamp:edit", args=[session.pk])
    assert client.post(edit, {"title": "Piraté", "pitch": "Non."}).status_code == 403
    assert client.post(reverse("barcamp:withdraw", args=[session.pk])).status_code == 403
    assert Session.objects.get().title == "Titre d’origine"


def test_notes_are_written_once_the_event_has_started(participant_client, participant, barcamp):
    session = BarcampSessionFactory(barcamp=barcamp, pitcher=participant)
    url = reverse("barcamp:notes", args=[session.pk])
    assert participant_client.post(url, {"notes": "Pistes."}).status_code == 403
    barcamp.event.start_at = timezone.now() - timedelta(hours=1)
    barcamp.event.save()
    other = client_for(register(UserFactory(), barcamp))
    assert other.post(url, {"notes": "sentinelle-7f3a9c"}).status_code == 403
    assert (
        participant_client.post(url, {"notes": "Pistes : un groupe de travail."}).status_code == 302
    )
    assert Session.objects.get().notes == "Pistes : un groupe de travail."
    page = participant_client.get(session.get_absolute_url()).content.decode()
    assert "Pistes : un groupe de travail." in page


@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/barcamp/999999/"),
        ("get", "/barcamp/999999/grille/"),
        ("get", "/barcamp/session/999999/"),
        ("post", "/barcamp/session/999999/choisir/"),
        ("post", "/barcamp/session/999999/placer/"),
        ("post", "/barcamp/999999/publier/"),
    ],
)
def test_unknown_ids_give_404(participant_client, method, url):
    assert getattr(participant_client, method)(url).status_code == 404


def test_event_without_barcamp_settings_has_no_barcamp_pages(participant_client, barcamp):
    event = EventFactory()
    assert participant_client.get(f"/barcamp/{event.pk}/").status_code == 404
    assert (
        "Proposer une session"
        not in participant_client.get(event.get_absolute_url()).content.decode()
    )
    page = participant_client.get(barcamp.event.get_absolute_url()).content.decode()
    assert "Proposer une session" in page


def test_the_event_page_offers_pitching_as_soon_as_a_member_registers(barcamp):
    """The barcamp box and the member's registrations come from the exact cache: the
    pitch link shows on the next page after registering, to that member only, and a new
    session counts at once."""
    member, other = UserFactory(), UserFactory()
    mine, theirs = client_for(member), client_for(other)
    url = barcamp.event.get_absolute_url()
    for client in (mine, theirs):
        page = client.get(url).content.decode()
        assert "0 session proposée." in page and "Proposer une session" not in page
    mine.post(reverse("events:register", args=[barcamp.event_id]))
    assert "Proposer une session" in mine.get(url).content.decode()
    _pitch(mine, barcamp)
    page = theirs.get(url).content.decode()
    assert "1 session proposée." in page and "Proposer une session" not in page
