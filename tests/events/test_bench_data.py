import io

import pytest

from debates.models import Debate
from devtools.bench_tools import BenchContext
from devtools.load import debates as debates_bench
from devtools.load import events as events_bench
from events.models import Event, Registration
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_load_data_fills_debates_and_agenda_at_scale(demo):
    ctx = BenchContext(0.02, 2026, io.StringIO())
    ctx.shared["user_ids"] = [u.pk for u in UserFactory.create_batch(30)]
    debates_before, events_before = Debate.objects.count(), Event.objects.count()

    debates_bench.seed(ctx)
    events_bench.seed(ctx)

    assert Debate.objects.count() - debates_before == 40
    assert Event.objects.count() - events_before == 60
    longest = Debate.objects.with_comment_counts().order_by("-comments_count").first()
    assert longest.comments_count >= 6 and longest.is_open
    assert Registration.objects.count() > 100
