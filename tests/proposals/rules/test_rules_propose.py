"""Right to propose, as a matrix: role × phase × space visibility."""

import pytest
from django.urls import reverse

from proposals.models import Proposal
from proposals.rules import PROPOSE
from tests.rules_matrix import MATRIX, expected_status, login, matrix_spaces, opened, user_for

pytestmark = pytest.mark.django_db
spaces = matrix_spaces("proposals", PROPOSE)

PROPOSAL = {"title": "Créer un observatoire de l’emploi des jeunes", "body": "Le constat."}


@pytest.mark.parametrize(("role", "phase", "visibility"), MATRIX)
def test_propose(client, spaces, role, phase, visibility):
    user = user_for(role)
    space = spaces(phase, visibility, invited=user if role == "invited" else None)
    response = login(client, user).post(reverse("proposals:create", args=[space.slug]), PROPOSAL)
    assert response.status_code == expected_status(role, phase, visibility, success=302)
    assert Proposal.objects.exists() == opened(role, phase, visibility)
