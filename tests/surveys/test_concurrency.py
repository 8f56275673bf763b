"""One answer per member, even when the same member's submissions arrive together."""

import pytest

from surveys import services
from surveys.models import Answer, Participation
from tests.concurrency import race
from tests.factories import UserFactory, make_survey

QUESTIONS = [{"label": "Q", "field_type": "singleline"}]


def submit_together(survey, user, count=6):
    def submit(number):
        services.save_answer(survey, user, {"q": f"réponse {number}"})
        return "saved"

    return race(
        [lambda n=n: submit(n) for n in range(count)], {services.AlreadyAnswered: "refused"}
    )


@pytest.mark.django_db(transaction=True)
def test_one_answer_per_member_under_concurrent_submissions():
    member = UserFactory()
    named = make_survey(QUESTIONS, title="Nominative")
    anonymous = make_survey(QUESTIONS, title="Anonyme", anonymous=True)

    assert submit_together(named, member) == ["saved"] * 6  # later ones edit the answer
    assert Answer.objects.filter(page=named).count() == 1

    outcomes = submit_together(anonymous, member)
    assert sorted(map(str, outcomes)) == ["refused"] * 5 + ["saved"]
    assert Answer.objects.filter(page=anonymous).count() == 1
    assert Participation.objects.filter(survey=anonymous).count() == 1
