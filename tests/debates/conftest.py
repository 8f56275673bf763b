from datetime import timedelta

import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from members.roles import MODERATEURS, ensure_roles
from tests.factories import UserFactory, make_space


@pytest.fixture
def moderator(db):
    ensure_roles(Group, Permission)
    user = UserFactory(display_name="Modératrice", is_staff=True)
    user.groups.add(Group.objects.get(name=MODERATEURS))
    return user


@pytest.fixture
def moderator_client(client, moderator):
    client.force_login(moderator)
    return client


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
