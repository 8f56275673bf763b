"""Writing to a member: from the profile, the one-to-one conversation reused, groups up
to 10, refusals and blocks that write nothing, rate limits, reading and unread counts."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from messaging import services
from messaging.models import Block, Conversation, Message, MessagingPreference, Participant
from tests.factories import UserFactory, conversation_between, directory_member

pytestmark = pytest.mark.django_db

TEXT = "sentinelle-2b8e41 : pouvons-nous parler du contrat de ville ?"
NEW = reverse("messaging:new")


def _write(client, *recipients, body=TEXT):
    return client.post(
        NEW, {"recipients": [r.pk for r in recipients], "body": body, "envoyer": "1"}
    )


def _nothing_written():
    return not Conversation.objects.exists() and not Message.objects.exists()


# --- From the profile ---------------------------------------------------------------------
def test_profile_offers_to_write_to_logged_in_members_only(member_client, member, karim, client):
    profile = reverse("members:profile", args=[karim.pk])
    assert "Écrire à ce membre" in member_client.get(profile).content.decode()
    page = client.get(profile).content.decode()
    assert "Écrire à ce membre" not in page and "pour écrire à ce membre" in page
    member.profile.in_directory = True
    member.profile.save()
    own = member_client.get(reverse("members:profile", args=[member.pk])).content.decode()
    assert "Écrire à ce membre" not in own


def test_profile_says_why_one_cannot_write(member_client, member, karim):
    profile = reverse("members:profile", args=[karim.pk])
    MessagingPreference.objects.create(user=karim, accepts_messages=False)
    page = member_client.get(profile).content.decode()
    assert "Écrire à ce membre" not in page
    assert "Karim Benali ne reçoit pas de messages pour le moment." in page
    MessagingPreference.objects.filter(user=karim).update(accepts_messages=True)
    Block.objects.create(blocker=karim, blocked=member)
    page = member_client.get(profile).content.decode()
    assert "Karim Benali ne souhaite pas recevoir vos messages." in page


# --- Starting and replying ----------------------------------------------------------------
def test_writing_to_a_member_starts_a_conversation_then_reuses_it(member_client, member, karim):
    response = _write(member_client, karim)
    conversation = Conversation.objects.get()
    assert response.status_code == 302 and response.url == conversation.get_absolute_url()
    assert set(conversation.participants.values_list("user", flat=True)) == {member.pk, karim.pk}
    assert conversation.messages.get().body == TEXT
    _write(member_client, karim, body="Une seconde question.")
    assert Conversation.objects.count() == 1 and conversation.messages.count() == 2


def test_the_answer_lands_in_the_same_conversation(member, karim, client):
    conversation = conversation_between(member, karim)
    client.force_login(karim)
    _write(client, member, body="Réponse de Karim")
    assert Conversation.objects.count() == 1 and conversation.messages.count() == 2
    response = client.post(conversation.get_absolute_url(), {"body": "Avec plaisir."})
    assert response.status_code == 302
    assert conversation.messages.filter(author=karim, body="Avec plaisir.").exists()


def test_only_members_of_the_directory_can_be_chosen(member_client):
    hidden = UserFactory(display_name="Membre discret")
    response = _write(member_client, hidden)
    assert response.status_code == 200 and _nothing_written()


def test_nobody_writes_to_themselves(member_client, member):
    member.profile.in_directory = True
    member.profile.save()
    assert _write(member_client, member).status_code == 200
    assert _nothing_written()


def test_a_group_gathers_up_to_ten_participants(member_client, member):
    nine = [directory_member() for _ in range(9)]
    assert _write(member_client, *nine).status_code == 302
    conversation = Conversation.objects.get()
    assert conversation.is_group and conversation.participants.count() == 10
    Conversation.objects.all().delete()
    response = _write(member_client, *nine, directory_member())
    assert "au plus 10 participants" in response.content.decode()
    assert _nothing_written()


def test_search_adds_a_member_without_writing_anything(member_client, karim, sophie):
    response = member_client.post(
        NEW, {"recipients": [karim.pk], "search": "durand", "body": TEXT, "chercher": "1"}
    )
    page = response.content.decode()
    assert "Sophie Durand" in page and "Karim Benali" in page and TEXT in page
    assert "@" not in page.split("<main", 1)[1].split("</main>")[0]
    assert _nothing_written()


# --- Refusals and blocks ------------------------------------------------------------------
def test_a_member_who_refuses_messages_gets_none(member_client, karim):
    MessagingPreference.objects.create(user=karim, accepts_messages=False)
    response = _write(member_client, karim)
    assert "ne reçoit pas de messages" in response.content.decode()
    assert TEXT in response.content.decode()  # what was typed is kept
    assert _nothing_written()


def test_a_blocked_member_can_neither_start_nor_reply(member_client, member, karim):
    conversation = conversation_between(member, karim)
    Block.objects.create(blocker=karim, blocked=member)
    response = member_client.post(conversation.get_absolute_url(), {"body": TEXT})
    assert "ne souhaite pas recevoir vos messages" in response.content.decode()
    Conversation.objects.all().delete()
    response = _write(member_client, karim)
    assert "ne souhaite pas recevoir vos messages" in response.content.decode()
    assert _nothing_written()


def test_blocked_members_are_listed_and_unblocked(member_client, member, karim):
    toggle = reverse("messaging:block_toggle", args=[karim.pk])
    member_client.post(toggle)
    assert Block.objects.filter(blocker=member, blocked=karim).exists()
    page = member_client.get(reverse("messaging:blocked")).content.decode()
    assert "Karim Benali" in page and "karim.benali@" not in page
    member_client.post(toggle)
    assert not Block.objects.exists()
    assert (
        member_client.post(reverse("messaging:block_toggle", args=[member.pk])).status_code == 404
    )


def test_refusing_messages_is_a_setting_of_the_inbox(member_client, member):
    member_client.post(reverse("messaging:preferences"), {})
    assert not services.accepts_messages(member)
    member_client.post(reverse("messaging:preferences"), {"accepts_messages": "on"})
    assert services.accepts_messages(member)


# --- Rate limits --------------------------------------------------------------------------
def test_new_members_start_few_conversations_a_day(member_client, member):
    assert member.date_joined > timezone.now() - timedelta(days=1)
    for _ in range(3):
        assert _write(member_client, directory_member()).status_code == 302
    response = _write(member_client, directory_member())
    assert "Les nouveaux membres commencent peu de conversations" in response.content.decode()
    assert TEXT in response.content.decode()
    assert Conversation.objects.count() == 3


def test_a_burst_of_messages_is_refused_and_the_text_kept(member_client, member, karim, settings):
    settings.MAILLAGE_RATE_LIMITS = {**settings.MAILLAGE_RATE_LIMITS, "message": "2/999d"}
    conversation = conversation_between(member, karim)
    for _ in range(2):
        member_client.post(conversation.get_absolute_url(), {"body": "Encore un message"})
    response = member_client.post(conversation.get_absolute_url(), {"body": TEXT})
    page = response.content.decode()
    assert "patientez un instant" in page and TEXT in page
    assert not Message.objects.filter(body=TEXT).exists()
    assert conversation.messages.count() == 3


def test_too_long_a_message_is_refused(member_client, member, karim):
    conversation = conversation_between(member, karim)
    response = member_client.post(conversation.get_absolute_url(), {"body": "x" * 5001})
    assert response.status_code == 200 and conversation.messages.count() == 1


# --- Reading ------------------------------------------------------------------------------
def test_unread_count_in_the_header_falls_when_reading(member_client, member, karim, sophie):
    first = conversation_between(karim, member)
    conversation_between(sophie, member)
    assert services.unread_count(member) == 2
    assert (
        '2<span class="visually-hidden"> conversations non lues'
        in member_client.get(reverse("messaging:inbox")).content.decode()
    )
    member_client.get(first.get_absolute_url())
    assert services.unread_count(member) == 1
    assert services.unread_count(karim) == 0  # one's own message is read
    services.post_message(karim, first, "Nouvelle réponse")
    assert services.unread_count(member) == 2


def test_reading_marks_the_notifications_of_the_conversation_read(member_client, member, karim):
    conversation = conversation_between(karim, member)
    assert member.notifications.unread().count() == 1
    member_client.get(conversation.get_absolute_url())
    assert member.notifications.unread().count() == 0


def test_htmx_reply_returns_the_thread_with_focus_on_the_textarea(member_client, member, karim):
    conversation = conversation_between(member, karim)
    response = member_client.post(
        conversation.get_absolute_url(), {"body": TEXT}, headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert response.status_code == 200 and page.startswith('<section class="thread"')
    assert TEXT in page and "autofocus" in page


def test_content_is_escaped(member_client, member, karim):
    conversation = conversation_between(karim, member, body="<script>alert(1)</script>")
    page = member_client.get(conversation.get_absolute_url()).content.decode()
    assert "<script>alert(1)</script>" not in page and "&lt;script&gt;" in page


def test_a_deleted_account_reads_compte_supprime(member_client, member, karim):
    conversation = conversation_between(karim, member, body=TEXT)
    karim.delete()
    page = member_client.get(conversation.get_absolute_url()).content.decode()
    assert "Compte supprimé" in page and TEXT in page
    assert Participant.objects.filter(conversation=conversation).count() == 2
