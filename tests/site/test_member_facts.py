"""What every page asks about the logged-in member (maillage/member_facts.py): one query
for all of it, served from the exact cache until a table it read is written, right at the
next access even within a request, and never one member's answers to another."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from maillage import table_versions
from members.models import User
from members.roles import MODERATEURS
from messaging import services as messaging
from participation.notifications.api import notify
from participation.notifications.service import unread_count as unread_notifications
from participation.roles import is_moderator
from participation.spaces.api import visibility_class
from participation.spaces.models import SpaceMembership, Visibility
from tests.factories import conversation_between, directory_member, make_space

pytestmark = pytest.mark.django_db

MESSAGES_BADGE = '1<span class="visually-hidden"> conversation non lue'
NOTIFICATIONS_BADGE = '<span class="badge">1<span class="visually-hidden"> non lue<'


def facts_of(member):
    """As a page asks them, on the member loaded afresh."""
    fresh = User.objects.get(pk=member.pk)
    return (
        is_moderator(fresh),
        visibility_class(fresh),
        unread_notifications(fresh),
        messaging.unread_count(fresh),
    )


def test_all_facts_in_one_query_then_from_the_cache_until_a_write(member):
    private = make_space("Groupe de travail sentinelle-4b1e", visibility=Visibility.PRIVATE)
    fresh = User.objects.get(pk=member.pk)

    with CaptureQueriesContext(connection) as first:
        assert facts_of(member) == (False, "member:", 0, 0)
    with CaptureQueriesContext(connection) as again:
        assert facts_of(member) == (False, "member:", 0, 0)
    SpaceMembership.objects.create(space=private, user=member)
    member.groups.add(Group.objects.get(name=MODERATEURS))

    assert len(first) == 2 and len(again) == 1  # the member's row and the facts, then the row
    assert visibility_class(fresh) == "moderator" and is_moderator(fresh)
    member.groups.clear()
    assert visibility_class(fresh) == f"member:{private.pk}" and not is_moderator(fresh)


def test_a_fact_notes_only_its_own_tables_in_a_cached_fragment(member):
    with table_versions.recording() as reads:
        is_moderator(member)

    assert "members_user_groups" in reads
    assert "participation_notification" not in reads and "messaging_participant" not in reads


def test_header_counts_are_right_after_each_write_and_stay_personal(member_client, member, client):
    karim = directory_member(display_name="Karim Benali")
    client.force_login(karim)
    page = reverse("messaging:inbox")
    before = member_client.get(page).text

    conversation = conversation_between(karim, member, body="Bonjour sentinelle-8c2d")
    after_message = member_client.get(page).text
    seen_by_karim = client.get(page).text
    # Reading the conversation marks it and its notification read in that very request.
    reading = member_client.get(conversation.get_absolute_url()).text
    notify(karim, "a écrit", conversation, recipients=[member], public=False)
    after_notification = member_client.get(page).text

    assert MESSAGES_BADGE not in before and NOTIFICATIONS_BADGE not in before
    assert MESSAGES_BADGE in after_message and NOTIFICATIONS_BADGE in after_message
    assert MESSAGES_BADGE not in seen_by_karim and NOTIFICATIONS_BADGE not in seen_by_karim
    assert MESSAGES_BADGE not in reading and NOTIFICATIONS_BADGE not in reading
    assert MESSAGES_BADGE not in after_notification and NOTIFICATIONS_BADGE in after_notification
