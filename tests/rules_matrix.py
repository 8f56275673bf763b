"""The permission matrix every rule is tested against (adhocracy+'s per-rule test files):
role × phase × space visibility. Each rule's test file takes its space from `matrix_spaces`,
asks the endpoint, and checks the status and that a refused action wrote nothing."""

import itertools
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from members.roles import MODERATEURS
from participation.spaces.api import Visibility
from tests.factories import UserFactory, make_space

ROLES = ("anonymous", "member", "invited", "moderator", "blocked")
PHASES = ("before", "during", "after")
VISIBILITIES = (Visibility.PUBLIC, Visibility.MEMBERS, Visibility.PRIVATE)
MATRIX = list(itertools.product(ROLES, PHASES, VISIBILITIES))

# The current phase's dates relative to today, for each point of the matrix.
_DATES = {"before": (5, 10), "during": (-5, 5), "after": (-10, -5)}


def space_for(phase, visibility, module, action):
    """A space using `module` whose only phase opens `action`, seen at `phase`."""
    today = timezone.localdate()
    start, end = _DATES[phase]
    return make_space(
        f"Démarche {module} {phase} {visibility}",
        phases=[
            {
                "title": "Phase",
                "start_date": today + timedelta(days=start),
                "end_date": today + timedelta(days=end),
                "actions": [action],
            }
        ],
        modules=[module],
        visibility=visibility,
    )


def matrix_spaces(module, action):
    """A fixture for a rule's test file: `spaces(phase, visibility, invited=user)` gives the
    space of that point of the matrix (`user` added to its members). The nine spaces are
    built once for the file, in a transaction rolled back after its last test (each test
    runs in a savepoint of it, so what a test writes, its invited member included, is gone
    for the next); a Wagtail page per test made most of the matrix's time."""

    @pytest.fixture(scope="module")
    def spaces(django_db_setup, django_db_blocker):
        from participation.models import SpaceMembership, SpacePage

        with django_db_blocker.unblock(), transaction.atomic():
            built = {
                (phase, visibility): space_for(phase, visibility, module, action).pk
                for phase in PHASES
                for visibility in VISIBILITIES
            }

            def space(phase, visibility, invited=None):
                if invited is not None:
                    SpaceMembership.objects.create(space_id=built[phase, visibility], user=invited)
                return SpacePage.objects.get(pk=built[phase, visibility])

            yield space
            transaction.set_rollback(True)

    return spaces


def user_for(role):
    """The user of `role` (None for an anonymous visitor); "invited" must be added to
    the space's members by the caller (`spaces(..., invited=user)` of `matrix_spaces`)."""
    if role == "anonymous":
        return None
    if role == "blocked":
        return UserFactory(is_active=False)
    user = UserFactory()
    if role == "moderator":
        # The groups come with the migrations (members/migrations), as in production.
        user.groups.add(Group.objects.get(name=MODERATEURS))
    return user


def login(client, user):
    if user is not None:
        client.force_login(user)
    return client


def signed_in(role):
    """A blocked member's session is refused: they are a visitor again."""
    return role in ("member", "invited", "moderator")


def sees(role, visibility):
    if visibility == Visibility.PUBLIC:
        return True
    if visibility == Visibility.MEMBERS:
        return signed_in(role)
    return role in ("invited", "moderator")


def opened(role, phase, visibility):
    """The common rule: a signed-in member who sees the space, while the phase opens it."""
    return signed_in(role) and sees(role, visibility) and phase == "during"


def expected_status(role, phase, visibility, *, success):
    """What the endpoint answers: `success` when allowed; a visitor is sent to log in
    (views behind `login_required`); an unseen object is a 404; a closed phase a 403."""
    if opened(role, phase, visibility):
        return success
    if not signed_in(role):
        return 302
    if not sees(role, visibility):
        return 404
    return 403
