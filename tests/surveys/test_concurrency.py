"""One answer per member, even when the same member's submissions arrive together."""

import threading

import pytest
from django.db import connection

from surveys import services
from surveys.models import Answer, Participation
from tests.factories import UserFactory, make_survey

QUESTIONS = [{"label": "Q", "field_type": "singleline"}]


def submit_together(survey, user, count=6):
    barrier = threading.Barrier(count)
    outcomes = []

    def submit(number):
        try:
            barrier.wait()
            services.save_answer(survey, user, {"q": f"réponse {number}"})
            outcomes.append("saved")
        except services.AlreadyAnswered:
            outcomes.append("refused")
        except Exception as error:  # noqa: BLE001 - reported by the assertions
            outcomes.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


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
