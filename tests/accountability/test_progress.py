"""Status and progress rules: a hand-set progress wins over the status', a parent takes
the mean of its children, the space and each thématique the mean of their top-level
results; a status without progress is left out. The database refuses what is out of range."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from accountability.models import Result
from accountability.progress import ProgressTree
from tests.factories import AccountabilityStatusFactory, ResultFactory, ThematiqueFactory


def test_a_result_takes_its_status_progress_unless_set_by_hand(space, statuses):
    running = ResultFactory(space=space, status=statuses["En cours"])
    forced = ResultFactory(space=space, status=statuses["En cours"], progress=80)
    abandoned = ResultFactory(space=space, status=statuses["Abandonné"])
    bare = ResultFactory(space=space)
    tree = ProgressTree.for_space(space)
    assert tree.progress(running.pk) == 50
    assert tree.progress(forced.pk) == 80
    assert tree.progress(abandoned.pk) is None
    assert tree.progress(bare.pk) is None


def test_parents_average_their_children_and_the_space_its_top_level_results(space, statuses):
    education, emploi = ThematiqueFactory(), ThematiqueFactory()
    parent = ResultFactory(space=space, status=statuses["Réalisé"])  # its children decide
    ResultFactory(space=space, parent=parent, status=statuses["Réalisé"])
    middle = ResultFactory(space=space, parent=parent, status=statuses["À lancer"])
    ResultFactory(space=space, parent=middle, progress=30)
    ResultFactory(space=space, parent=middle, progress=60)
    ResultFactory(space=space, parent=parent, status=statuses["Abandonné"])  # left out
    other = ResultFactory(space=space, status=statuses["En cours"])
    parent.thematiques.set([education])
    other.thematiques.set([education, emploi])

    tree = ProgressTree.for_space(space)
    assert tree.progress(middle.pk) == 45  # (30 + 60) / 2
    assert tree.progress(parent.pk) == 73  # (100 + 45) / 2, half up
    assert tree.overall() == 62  # (73 + 50) / 2, half up
    by_name = {row["name"]: row for row in tree.by_thematique()}
    assert by_name[education.name]["progress"] == 62
    assert by_name[education.name]["count"] == 2
    assert by_name[emploi.name]["progress"] == 50


def test_an_empty_space_has_no_progress(space):
    tree = ProgressTree.for_space(space)
    assert tree.overall() is None
    assert tree.by_thematique() == []


def test_the_database_refuses_progress_outside_0_100_and_an_end_before_the_start(space):
    with pytest.raises(IntegrityError), transaction.atomic():
        ResultFactory(space=space, progress=101)
    with pytest.raises(IntegrityError), transaction.atomic():
        AccountabilityStatusFactory(space=space, progress=150)
    today = timezone.localdate()
    with pytest.raises(IntegrityError), transaction.atomic():
        ResultFactory(space=space, start_date=today, end_date=today - timedelta(days=1))
    assert not Result.objects.exists()


def test_validation_says_what_is_wrong_in_french(space, statuses):
    today = timezone.localdate()
    parent = ResultFactory(space=space)
    child = ResultFactory(space=space, parent=parent)
    parent.parent = child
    parent.start_date, parent.end_date = today, today - timedelta(days=2)
    with pytest.raises(ValidationError) as error:
        parent.full_clean()
    assert "La fin ne peut précéder le début." in error.value.message_dict["end_date"]
    assert "propre parent" in error.value.message_dict["parent"][0]
