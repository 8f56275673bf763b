from datetime import timedelta

import pytest
from django.utils import timezone

from proposals.models import ProposalSettings
from tests.factories import make_space


def phase(*actions):
    today = timezone.localdate()
    return {
        "title": "Phase en cours",
        "start_date": today - timedelta(days=3),
        "end_date": today + timedelta(days=3),
        "actions": ["comment", *actions],
    }


@pytest.fixture
def propose_space(db):
    """A space whose current phase opens proposals and comments."""
    return make_space("Appel à propositions", [phase("propose")])


@pytest.fixture
def vote_space(db):
    """A space in its vote phase, 3 votes per member, retained from 2 votes."""
    space = make_space("Priorités du réseau", [phase("vote")])
    ProposalSettings.objects.create(space=space, vote_limit=3, threshold=2)
    return space
