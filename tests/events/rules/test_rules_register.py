"""Right to register to a space's event, as a matrix: role × phase × space visibility."""

import pytest
from django.urls import reverse

from events.models import Registration
from events.rules import REGISTER
from tests.factories import EventFactory
from tests.rules_matrix import MATRIX, expected_status, login, matrix_spaces, opened, user_for

pytestmark = pytest.mark.django_db
spaces = matrix_spaces("events", REGISTER)


@pytest.mark.parametrize(("role", "phase", "visibility"), MATRIX)
def test_register(client, spaces, role, phase, visibility):
    user = user_for(role)
    space = spaces(phase, visibility, invited=user if role == "invited" else None)
    event = EventFactory(space=space)
    response = login(client, user).post(reverse("events:register", args=[event.pk]))
    assert response.status_code == expected_status(role, phase, visibility, success=302)
    assert Registration.objects.exists() == opened(role, phase, visibility)
