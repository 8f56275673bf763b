"""A survey as a module of a space: seen by who sees the space, answered only while the
space's phase opens "answer"."""

from datetime import timedelta

import pytest
from django.utils import timezone

from participation.spaces.api import Visibility
from surveys.models import Answer
from tests.factories import make_space, make_survey

pytestmark = pytest.mark.django_db
QUESTIONS = [{"label": "Q", "field_type": "singleline", "required": True}]


def space_with(actions, **fields):
    today = timezone.localdate()
    phase = {
        "title": "Phase",
        "start_date": today - timedelta(days=1),
        "end_date": today + timedelta(days=1),
        "actions": actions,
    }
    return make_space(phases=[phase], modules=["surveys"], **fields)


def test_members_answer_while_the_phase_opens_answering(member_client):
    survey = make_survey(QUESTIONS, space=space_with(["answer"]))
    assert member_client.post(survey.url, {"q": "Oui"}).status_code == 302
    assert Answer.objects.count() == 1


def test_answering_is_refused_when_the_phase_does_not_open_it(member_client):
    space = space_with(["comment"])
    survey = make_survey(QUESTIONS, space=space)
    response = member_client.post(survey.url, {"q": "sentinelle-7f3a9c"})
    assert response.status_code == 403
    assert "n’ouvre pas les réponses" in response.content.decode()
    assert not Answer.objects.exists()
    # The space page lists the survey in its "Enquêtes" section.
    assert survey.title in member_client.get(space.url).content.decode()


def test_a_private_space_hides_its_survey(member_client):
    survey = make_survey(QUESTIONS, space=space_with(["answer"], visibility=Visibility.PRIVATE))
    assert member_client.get(survey.url).status_code == 404
    assert member_client.post(survey.url, {"q": "x"}).status_code == 404
    assert not Answer.objects.exists()
