"""The demo gives Claire Martin, the demo member, unread conversations to look at."""

import pytest

from devtools.pages.messaging import targets
from members.models import User
from messaging import services

pytestmark = pytest.mark.django_db


def test_demo_member_has_unread_conversations_that_render(demo, client):
    claire = User.objects.get(email="claire.martin@exemple.fr")
    assert services.unread_count(claire) == 2
    client.force_login(claire)
    for target in targets():
        assert client.get(target["path"]).status_code == 200
