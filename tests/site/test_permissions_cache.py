"""Members' permissions come from the exact cache: no query per page, and a role given
or taken shows at the next request."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from members.models import User
from members.roles import EDITEURS

pytestmark = pytest.mark.django_db


def may_open_the_admin(member):
    """As a request sees it: the member loaded afresh, then asked."""
    return User.objects.get(pk=member.pk).has_perm("wagtailadmin.access_admin")


def test_a_members_permissions_are_read_once_then_served_from_the_cache(member):
    assert not may_open_the_admin(member)
    fresh = User.objects.get(pk=member.pk)

    with CaptureQueriesContext(connection) as queries:
        assert not fresh.has_perm("wagtailadmin.access_admin")

    assert len(queries) == 0


def test_a_role_given_then_taken_shows_at_the_next_request(member, member_client):
    assert not may_open_the_admin(member)
    assert "wagtail-userbar" not in member_client.get("/agenda/").text
    editors = Group.objects.get(name=EDITEURS)

    member.groups.add(editors)

    assert may_open_the_admin(member)
    assert "wagtail-userbar" in member_client.get("/agenda/").text

    member.groups.remove(editors)

    assert not may_open_the_admin(member)
    assert "wagtail-userbar" not in member_client.get("/agenda/").text


def test_a_superuser_gets_every_permission_and_loses_them_with_the_flag(member):
    User.objects.filter(pk=member.pk).update(is_superuser=True)
    assert User.objects.get(pk=member.pk).get_all_permissions() >= {"wagtailadmin.access_admin"}

    User.objects.filter(pk=member.pk).update(is_superuser=False)
    assert not may_open_the_admin(member)


def test_the_member_of_a_session_is_served_from_the_cache_until_their_row_changes(
    member, member_client
):
    member_client.get("/agenda/")
    with CaptureQueriesContext(connection) as queries:
        member_client.get("/agenda/")
    User.objects.filter(pk=member.pk).update(display_name="Claire sentinelle-6a0f")
    renamed = member_client.get("/agenda/").text
    User.objects.filter(pk=member.pk).update(is_active=False)
    deactivated = member_client.get("/agenda/").text

    assert not any('FROM "members_user"' in query["sql"] for query in queries.captured_queries)
    assert "Claire sentinelle-6a0f" in renamed
    assert "Claire sentinelle-6a0f" not in deactivated and "Se connecter" in deactivated
