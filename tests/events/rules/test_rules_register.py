"""Right to register to a space's event, as a matrix: role × phase × space visibility."""

import pytest
from django.urls import reverse

from events.models import Registration
from events.rules import REGISTER
from tests.factories import EventFactory
from tests.rules_matrix import MATRIX, expected_status, login, opened, space_for, user_for

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(("role", "phase", "visibility"), MATRIX)
def test_register(client, role, phase, visibility):
    user = user_for(role)
    space = space_for(phase, visibility, "events", REGISTER, invited=[user] * (role == "invited"))
    event = EventFactory(space=space)
    response = login(client, user).post(reverse("events:register", args=[event.pk]))
    assert response.status_code == expected_status(role, phase, visibility, success=302)
    assert Registration.objects.exists() == opened(role, phase, visibility)
