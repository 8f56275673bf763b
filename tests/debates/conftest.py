from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import make_space


def phase(*actions):
    today = timezone.localdate()
    return {
        "title": "Débats et inscriptions",
        "start_date": today - timedelta(days=3),
        "end_date": today + timedelta(days=30),
        "actions": ["comment", *actions],
    }


@pytest.fixture
def debate_space(db):
    """A space in a phase that opens debates and comments."""
    return make_space(
        "Rencontres du réseau",
        phases=[phase("debate", "register")],
        modules=["proposals", "debates", "events"],
    )
