"""Right to open a debate, as a matrix: role × phase × space visibility. Moderators open
official debates in any phase of a space they see."""

import pytest
from django.urls import reverse

from debates.models import Debate
from debates.rules import DEBATE
from tests.rules_matrix import MATRIX, expected_status, login, matrix_spaces, opened, sees, user_for

pytestmark = pytest.mark.django_db
spaces = matrix_spaces("debates", DEBATE)

NEW_DEBATE = {"title": "Faut-il mutualiser les adultes-relais ?", "description": "Pourquoi."}


@pytest.mark.parametrize(("role", "phase", "visibility"), MATRIX)
def test_open_a_debate(client, spaces, role, phase, visibility):
    user = user_for(role)
    space = spaces(phase, visibility, invited=user if role == "invited" else None)
    response = login(client, user).post(reverse("debates:create", args=[space.pk]), NEW_DEBATE)
    allowed = opened(role, phase, visibility) or (role == "moderator" and sees(role, visibility))
    expected = 302 if allowed else expected_status(role, phase, visibility, success=302)
    assert response.status_code == expected
    assert Debate.objects.exists() == allowed
