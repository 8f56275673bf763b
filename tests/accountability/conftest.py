from datetime import timedelta

import pytest
from django.utils import timezone

from tests.factories import AccountabilityStatusFactory, make_space


def closed_phase():
    """A past phase: following up needs no phase open."""
    today = timezone.localdate()
    return [
        {
            "title": "Propositions",
            "start_date": today - timedelta(days=60),
            "end_date": today - timedelta(days=30),
            "actions": ["propose", "comment"],
        }
    ]


@pytest.fixture
def space(db):
    return make_space(
        "Suivi du réseau", phases=closed_phase(), modules=["proposals", "accountability"]
    )


@pytest.fixture
def statuses(space):
    """À lancer 0, En cours 50, Réalisé 100, Abandonné (no progress)."""
    return {
        name: AccountabilityStatusFactory(space=space, name=name, progress=progress, order=order)
        for order, (name, progress) in enumerate(
            [("À lancer", 0), ("En cours", 50), ("Réalisé", 100), ("Abandonné", None)]
        )
    }
