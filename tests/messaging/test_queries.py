"""The inbox and a conversation take the same number of SQL queries whatever their size."""

import pytest
from django.urls import reverse

from messaging import services
from messaging.models import Message
from tests.factories import conversation_between, directory_member

pytestmark = pytest.mark.django_db

INBOX_QUERIES = 18
CONVERSATION_QUERIES = 25


def _inbox_with(member, count):
    for _ in range(count):
        others = [directory_member(), directory_member()]
        conversation_between(others[0], member, *others[1:])


@pytest.mark.parametrize("count", [2, 8])
def test_inbox_queries_do_not_grow(member, member_client, count, django_assert_max_num_queries):
    _inbox_with(member, count)
    with django_assert_max_num_queries(INBOX_QUERIES):
        response = member_client.get(reverse("messaging:inbox"))
    assert response.content.decode().count("conversation-item__link") == count


@pytest.mark.parametrize("count", [3, 35])
def test_conversation_queries_do_not_grow(
    member, member_client, karim, count, django_assert_max_num_queries
):
    conversation = conversation_between(karim, member)
    Message.objects.bulk_create(
        Message(conversation=conversation, author=karim if n % 2 else member, body=f"Message {n}")
        for n in range(count - 1)
    )
    services.post_message(karim, conversation, "Le dernier, non lu.")
    with django_assert_max_num_queries(CONVERSATION_QUERIES):
        response = member_client.get(conversation.get_absolute_url())
    assert response.content.decode().count('id="message-') == min(count + 1, 30)
