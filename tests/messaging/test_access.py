"""Only the participants of a conversation see it; moderators only while one of its
messages is reported; everyone else, staff included, gets a 404 that leaks nothing."""

import pytest
from django.contrib.contenttypes.models import ContentType
from django.test import Client
from django.urls import reverse

from messaging.models import Message
from participation.moderation.api import report
from tests.factories import UserFactory, conversation_between

pytestmark = pytest.mark.django_db

SECRET = "sentinelle-7f3a9c confidentielle"


@pytest.fixture
def conversation(member, karim):
    return conversation_between(member, karim, body=SECRET)


def test_participants_read_the_conversation(conversation, member_client, karim, client):
    url = conversation.get_absolute_url()
    assert SECRET in member_client.get(url).content.decode()
    client.force_login(karim)
    assert SECRET in client.get(url).content.decode()


@pytest.mark.parametrize("role", ["outsider", "staff", "superuser", "moderator"])
def test_anyone_else_gets_a_404_that_leaks_nothing(conversation, client, moderator, role):
    intruder = {
        "outsider": lambda: UserFactory(),
        "staff": lambda: UserFactory(is_staff=True),
        "superuser": lambda: UserFactory(is_staff=True, is_superuser=True),
        "moderator": lambda: moderator,
    }[role]()
    client.force_login(intruder)
    url = conversation.get_absolute_url()
    for response in (client.get(url), client.post(url, {"body": "intrusion"})):
        assert response.status_code == 404
        assert SECRET not in response.content.decode()
    assert client.post(reverse("messaging:leave", args=[conversation.pk])).status_code == 404
    assert Message.objects.count() == 1
    assert SECRET not in client.get(reverse("messaging:inbox")).content.decode()


def test_visitors_are_sent_to_log_in(conversation, client):
    response = client.get(conversation.get_absolute_url())
    assert response.status_code == 302 and "/comptes/login/" in response.url


def test_moderators_read_a_conversation_only_while_one_of_its_messages_is_reported(
    conversation, karim, client, moderator_client, moderator
):
    url = conversation.get_absolute_url()
    message = conversation.messages.get()
    client.force_login(karim)
    client.post(
        reverse("participation:report", args=[_content_type(message), message.pk]),
        {"reason": "offensive"},
    )
    response = moderator_client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert SECRET in page and "en tant que modérateur" in page
    # Reading is all a moderator may do there.
    assert moderator_client.post(url, {"body": "réponse"}).status_code == 404
    assert Message.objects.count() == 1
    # Once the reports are reviewed, the conversation is private again.
    moderator_client.post(
        reverse(
            "participation_moderation:item_action",
            args=[_content_type(message), message.pk, "classer"],
        )
    )
    assert moderator_client.get(url).status_code == 404


def test_a_message_is_reported_only_by_a_participant(conversation):
    assert _report_as(UserFactory(), conversation.messages.get()).status_code == 404


def test_a_member_who_left_a_group_no_longer_sees_it(member, member_client, karim, sophie):
    conversation = conversation_between(karim, member, sophie, body=SECRET)
    response = member_client.post(reverse("messaging:leave", args=[conversation.pk]))
    assert response.status_code == 302
    assert member_client.get(conversation.get_absolute_url()).status_code == 404
    assert SECRET not in member_client.get(reverse("messaging:inbox")).content.decode()


def test_a_one_to_one_conversation_cannot_be_left(conversation, member_client):
    member_client.post(reverse("messaging:leave", args=[conversation.pk]))
    assert member_client.get(conversation.get_absolute_url()).status_code == 200


def test_bad_ids_are_404s(member_client):
    for url in ("/messages/999999999999999999999/", "/messages/0/", "/messages/12/quitter/"):
        assert member_client.get(url).status_code in {404, 405}
    assert member_client.post("/messages/bloquer/99999999/").status_code == 404


def test_report_helper_and_direct_report_service_agree(conversation, karim, moderator_client):
    report(karim, conversation.messages.get(), "spam")
    assert moderator_client.get(conversation.get_absolute_url()).status_code == 200


def _content_type(obj):
    return ContentType.objects.get_for_model(obj).pk


def _report_as(user, message):
    client = Client()
    client.force_login(user)
    return client.post(
        reverse("participation:report", args=[_content_type(message), message.pk]),
        {"reason": "spam"},
    )


@pytest.mark.parametrize(
    "data",
    [
        {"recipients": ["abc"], "body": "x", "envoyer": "1"},
        {"recipients": ["9" * 25], "body": "x", "envoyer": "1"},
        {"recipients": ["-1"], "body": "", "envoyer": "1"},
        {"search": "%_\\", "chercher": "1"},
        {},
    ],
)
def test_bad_posts_to_the_new_message_form_write_nothing(member_client, data):
    response = member_client.post(reverse("messaging:new"), data)
    assert response.status_code == 200
    assert not Message.objects.exists()
