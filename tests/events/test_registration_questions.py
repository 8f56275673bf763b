"""Registration with the organiser's questions and a choice of workshops: required
answers enforced on the server, nothing written when refused, answers kept on screen."""

import pytest
from django.urls import reverse

from events import services
from events.models import Registration, RegistrationAnswer, RegistrationStatus
from tests.concurrency import errors, race
from tests.factories import (
    EventFactory,
    RegistrationQuestionFactory,
    UserFactory,
    WorkshopFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def event():
    event = EventFactory(capacity=30)
    RegistrationQuestionFactory(event=event, label="Régime alimentaire", kind="dietary")
    RegistrationQuestionFactory(
        event=event,
        label="Votre table ronde",
        kind="single",
        options="Emploi\nLogement",
        required=True,
    )
    return event


def _questions(event):
    return {q.label: f"q{q.pk}" for q in event.questions.all()}


def test_a_required_question_left_empty_is_refused_with_the_answers_kept(member_client, event):
    fields = _questions(event)
    response = member_client.post(
        reverse("events:register", args=[event.pk]),
        {fields["Régime alimentaire"]: "Végétarien sentinelle-51c2"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Cette question demande une réponse." in html
    assert "Végétarien sentinelle-51c2" in html  # what was typed is shown again
    assert not Registration.objects.exists() and not RegistrationAnswer.objects.exists()


def test_an_unknown_option_is_refused(member_client, event):
    fields = _questions(event)
    response = member_client.post(
        reverse("events:register", args=[event.pk]), {fields["Votre table ronde"]: "Autre"}
    )
    assert response.status_code == 400
    assert "Choisissez parmi les réponses proposées." in response.content.decode()
    assert not Registration.objects.exists()


def test_answers_and_workshop_are_stored_and_can_be_changed(member_client, member, event):
    morning = WorkshopFactory(event=event, title="Atelier emploi")
    fields = _questions(event)
    url = reverse("events:register", args=[event.pk])
    assert "Atelier emploi" in member_client.get(url).content.decode()
    response = member_client.post(
        url,
        {
            fields["Votre table ronde"]: "Logement",
            fields["Régime alimentaire"]: "Sans gluten",
            "workshops": [morning.pk],
        },
    )
    assert response.status_code == 302
    registration = Registration.objects.get(user=member)
    assert registration.status == RegistrationStatus.CONFIRMED
    assert list(registration.workshops.all()) == [morning]
    assert dict(registration.answers.values_list("question__label", "value")) == {
        "Votre table ronde": "Logement",
        "Régime alimentaire": "Sans gluten",
    }
    # Coming back shows the answers and changes them.
    assert "Sans gluten" in member_client.get(url).content.decode()
    member_client.post(url, {fields["Votre table ronde"]: "Emploi"})
    assert dict(registration.answers.values_list("question__label", "value")) == {
        "Votre table ronde": "Emploi"
    }
    assert not registration.workshops.exists()
    assert Registration.objects.count() == 1


def test_two_workshops_at_the_same_time_are_refused(member_client, event):
    first = WorkshopFactory(event=event)
    second = WorkshopFactory(event=event, start_at=first.start_at)
    fields = _questions(event)
    response = member_client.post(
        reverse("events:register", args=[event.pk]),
        {fields["Votre table ronde"]: "Emploi", "workshops": [first.pk, second.pk]},
    )
    assert response.status_code == 400
    assert "ont lieu en même temps" in response.content.decode()
    assert not Registration.objects.exists()


def test_a_full_workshop_is_refused_and_nothing_is_written(member_client, event):
    workshop = WorkshopFactory(event=event, title="Atelier complet", capacity=1)
    services.register(UserFactory(), event, workshops=[workshop])
    fields = _questions(event)
    response = member_client.post(
        reverse("events:register", args=[event.pk]),
        {fields["Votre table ronde"]: "Emploi", "workshops": [workshop.pk]},
    )
    assert response.status_code == 400
    assert "L’atelier « Atelier complet » est complet" in response.content.decode()
    assert Registration.objects.count() == 1 and RegistrationAnswer.objects.count() == 0


def test_a_waiting_registrant_holds_no_workshop_place(member, event):
    event.capacity = 0
    event.save()
    workshop = WorkshopFactory(event=event, capacity=1)
    registration = services.register(member, event, workshops=[workshop])
    assert registration.status == RegistrationStatus.WAITING
    assert not registration.workshops.exists()


def test_an_event_without_questions_keeps_one_click_registration(member_client):
    event = EventFactory()
    url = reverse("events:register", args=[event.pk])
    assert member_client.get(url)["Location"].endswith("#inscription")
    assert member_client.post(url).status_code == 302
    assert Registration.objects.filter(event=event).count() == 1


@pytest.mark.django_db(transaction=True)
def test_workshop_capacity_holds_under_concurrent_registrations():
    """Eight members register at once, each from their own connection, all choosing a
    workshop of three places and answering a question: three get in, five are refused
    with nothing written for them."""
    event = EventFactory(capacity=50)
    question = RegistrationQuestionFactory(event=event, required=True)
    workshop = WorkshopFactory(event=event, capacity=3)
    members = UserFactory.create_batch(8)
    outcomes = race(
        [
            lambda user=user: services.register(
                user, event, answers={question: f"réponse de {user.pk}"}, workshops=[workshop]
            )
            for user in members
        ],
        {services.WorkshopFull: "full"},
    )

    assert errors(outcomes) == []
    assert sorted("full" if outcome == "full" else "in" for outcome in outcomes) == (
        ["full"] * 5 + ["in"] * 3
    )
    assert workshop.registrations.count() == 3
    assert Registration.objects.filter(event=event).count() == 3
    answers = RegistrationAnswer.objects.filter(question=question)
    assert sorted(answers.values_list("value", flat=True)) == sorted(
        f"réponse de {r.user_id}" for r in Registration.objects.filter(event=event)
    )
