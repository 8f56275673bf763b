"""A message reaches the other participants by e-mail at the rhythm each chose, with a
link to the conversation and the text, never an e-mail address; never in a public feed."""

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from messaging import services
from participation.models import EmailFrequency, NotificationSettings
from participation.notifications.api import feed
from participation.notifications.emails import send_digests
from tests.factories import UserFactory, conversation_between

pytestmark = pytest.mark.django_db

TEXT = "sentinelle-91c4d7 : votre retour sur la GUSP m’intéresse."
ADDRESS = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


def _prefers(user, frequency):
    NotificationSettings.objects.update_or_create(
        user=user, defaults={"email_frequency": frequency}
    )


def _assert_no_address(message):
    for text in (message.subject, message.body, *message.reply_to, *message.cc):
        assert not ADDRESS.search(text), text
    assert message.from_email == "Maillage <ne-pas-repondre@maillage.localhost>"


def test_immediate_email_links_to_the_conversation_with_the_text(
    member, karim, django_capture_on_commit_callbacks
):
    _prefers(karim, EmailFrequency.IMMEDIATE)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        conversation = conversation_between(member, karim, body=TEXT)
    [message] = mail.outbox
    assert message.to == [karim.email]
    assert TEXT in message.body
    assert f"http://testserver{conversation.get_absolute_url()}" in message.body
    _assert_no_address(message)


def test_never_means_no_email(member, karim, django_capture_on_commit_callbacks):
    _prefers(karim, EmailFrequency.NEVER)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        conversation_between(member, karim, body=TEXT)
    send_digests(now=timezone.now() + timedelta(days=8))
    assert mail.outbox == []


def test_weekly_members_get_unread_messages_in_their_digest_only(
    member, karim, sophie, django_capture_on_commit_callbacks
):
    _prefers(karim, EmailFrequency.WEEKLY)
    _prefers(sophie, EmailFrequency.WEEKLY)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        conversation_between(member, karim, body=TEXT)
        read = conversation_between(member, sophie, body=TEXT)
    assert mail.outbox == []
    services.mark_read(read.participants.get(user=sophie))
    assert send_digests(now=timezone.now() + timedelta(days=8)) == 1
    [digest] = mail.outbox
    assert digest.to == [karim.email] and TEXT in digest.body
    _assert_no_address(digest)


def test_a_private_message_never_shows_in_public_feeds(member, karim, moderator):
    conversation_between(member, karim, body=TEXT)
    for reader in (member, karim, moderator, UserFactory()):
        assert not any(TEXT in activity.title for activity in feed(reader))
    assert karim.notifications.count() == 1 and not member.notifications.exists()
