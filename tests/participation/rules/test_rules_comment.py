"""Right to comment, as a matrix: role × phase × space visibility."""

import pytest
from django.urls import reverse

from participation.models import Comment
from participation.utils import content_type_for
from tests.rules_matrix import MATRIX, expected_status, login, matrix_spaces, opened, user_for

pytestmark = pytest.mark.django_db
spaces = matrix_spaces("proposals", "comment")


@pytest.mark.parametrize(("role", "phase", "visibility"), MATRIX)
def test_comment(client, spaces, role, phase, visibility):
    user = user_for(role)
    space = spaces(phase, visibility, invited=user if role == "invited" else None)
    url = reverse("participation:comment_post", args=[content_type_for(space).pk, space.pk])
    response = login(client, user).post(url, {"comment": "Mon avis"})
    assert response.status_code == expected_status(role, phase, visibility, success=302)
    assert Comment.objects.exists() == opened(role, phase, visibility)
