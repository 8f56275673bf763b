"""Right to vote, as a matrix: role × phase × space visibility. Like every action, the
vote endpoint sends visitors to log in first (they come back to the proposal)."""

import pytest
from django.urls import reverse

from proposals.models import Vote
from proposals.rules import VOTE
from tests.factories import ProposalFactory
from tests.rules_matrix import MATRIX, expected_status, login, matrix_spaces, opened, user_for

pytestmark = pytest.mark.django_db
spaces = matrix_spaces("proposals", VOTE)


@pytest.mark.parametrize(("role", "phase", "visibility"), MATRIX)
def test_vote(client, spaces, role, phase, visibility):
    user = user_for(role)
    space = spaces(phase, visibility, invited=user if role == "invited" else None)
    proposal = ProposalFactory(space=space)
    response = login(client, user).post(reverse("proposals:vote", args=[proposal.pk]))
    expected = expected_status(role, phase, visibility, success=302)
    assert response.status_code == expected
    assert Vote.objects.exists() == opened(role, phase, visibility)
