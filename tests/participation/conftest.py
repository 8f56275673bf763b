import pytest
from django.contrib.auth.models import Group, Permission

from members.roles import MODERATEURS, ensure_roles
from tests.factories import UserFactory, make_space


@pytest.fixture
def space(db):
    return make_space()


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
