"""What members do with messaging: start a conversation, post, read, leave, and protect
themselves (refuse messages, block a member). Every rule a post must pass is checked
here, in the transaction that writes, so a refused post writes nothing."""

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from maillage import member_facts
from messaging.models import (
    MAX_PARTICIPANTS,
    Block,
    Conversation,
    Message,
    MessagingPreference,
    Participant,
    direct_key,
)
from messaging.rules import refusal_to_reply, refusal_to_write
from participation.notifications.api import mark_read as mark_notifications_read
from participation.notifications.api import notify

NOTIFICATION_KIND = "messaging.message"


class Refused(Exception):
    """The member may not do this; the message says why, in French."""


# --- Reading --------------------------------------------------------------------------
def inbox(user):
    """The member's conversations, most recent first, with what a listing shows."""
    others = Participant.objects.select_related("user").order_by("joined_at", "pk")
    return (
        Participant.objects.active()
        .filter(user=user)
        .select_related("conversation__last_message__author")
        .prefetch_related(Prefetch("conversation__participants", queryset=others))
        .order_by("-conversation__last_message_at", "-pk")
    )


def unread_count(user):
    """How many of the member's conversations have a message they have not read: asked
    with the member's other per-page facts, in one query (maillage/member_facts.py)."""
    return member_facts.value(user, UNREAD_FACT) if user.is_authenticated else 0


UNREAD_FACT = member_facts.Fact(
    "unread_conversations",
    lambda user: Participant.objects.active().filter(user=user).unread().values("pk"),
    "count",
)


def participation_of(user, conversation):
    """The member's active participation in the conversation, or None."""
    if not user.is_authenticated:
        return None
    return Participant.objects.active().filter(conversation=conversation, user=user).first()


def direct_conversation(sender, recipients):
    """The one-to-one conversation the sender already has with the single recipient."""
    if len(recipients) != 1:
        return None
    return Conversation.objects.filter(direct_key=direct_key(sender.pk, recipients[0].pk)).first()


def mark_read(participant):
    """The member has seen the conversation up to its last message."""
    conversation = participant.conversation
    if participant.is_unread:
        Participant.objects.filter(pk=participant.pk).update(
            last_read_at=conversation.last_message_at
        )
        participant.last_read_at = conversation.last_message_at
        mark_notifications_read(participant.user, conversation)


# --- Writing --------------------------------------------------------------------------
def start_conversation(sender, recipients, body):
    """A new conversation with `recipients` (or, for a single one, the existing one-to-one
    conversation) and its first message. Returns the conversation."""
    recipients = list({recipient.pk: recipient for recipient in recipients}.values())
    if not recipients:
        raise Refused(_("Choisissez au moins un destinataire."))
    if len(recipients) + 1 > MAX_PARTICIPANTS:
        raise Refused(
            _("Une conversation réunit au plus %(max)s participants, vous compris.")
            % {"max": MAX_PARTICIPANTS}
        )
    refusal = refusal_to_write(sender, recipients)
    if refusal:
        raise Refused(refusal)
    with transaction.atomic():
        members = [sender, *recipients]
        if len(recipients) == 1:
            conversation, created = Conversation.objects.get_or_create(
                direct_key=direct_key(sender.pk, recipients[0].pk),
                defaults={"created_by": sender},
            )
        else:
            conversation, created = Conversation.objects.create(created_by=sender), True
        if created:
            Participant.objects.bulk_create(
                [Participant(conversation=conversation, user=member) for member in members]
            )
        _post(conversation, sender, body)
    return conversation


def post_message(sender, conversation, body):
    """A reply in a conversation the sender takes part in."""
    with transaction.atomic():
        # Locking the conversation orders concurrent posts: its last message stays right.
        conversation = Conversation.objects.select_for_update().get(pk=conversation.pk)
        if participation_of(sender, conversation) is None:
            raise Refused(_("Vous ne participez pas à cette conversation."))
        others = [p.user for p in _others(conversation, sender)]
        if not others:
            raise Refused(_("Plus personne d’autre ne participe à cette conversation."))
        refusal = refusal_to_reply(sender, others, one_to_one=not conversation.is_group)
        if refusal:
            raise Refused(refusal)
        return _post(conversation, sender, body)


def _others(conversation, user):
    return (
        Participant.objects.active()
        .filter(conversation=conversation, user__isnull=False, user__is_active=True)
        .exclude(user=user)
        .select_related("user")
    )


def _post(conversation, sender, body):
    message = Message.objects.create(conversation=conversation, author=sender, body=body)
    Conversation.objects.filter(pk=conversation.pk).update(
        last_message=message, last_message_at=message.created_at
    )
    conversation.last_message, conversation.last_message_at = message, message.created_at
    Participant.objects.filter(conversation=conversation, user=sender).update(
        last_read_at=message.created_at
    )
    notify(
        sender,
        _("vous a écrit"),
        conversation,
        recipients=[p.user for p in _others(conversation, sender)],
        space=None,
        title=Truncator(body).chars(250),
        public=False,
        kind=NOTIFICATION_KIND,
    )
    return message


def leave(user, conversation):
    """A member leaves a group conversation: it disappears from their messages."""
    if not conversation.is_group:
        raise Refused(_("On ne quitte qu’une conversation de groupe."))
    updated = (
        Participant.objects.active()
        .filter(conversation=conversation, user=user)
        .update(left_at=timezone.now())
    )
    if not updated:
        raise Refused(_("Vous ne participez pas à cette conversation."))


# --- Protections ----------------------------------------------------------------------
def accepts_messages(user):
    preference = MessagingPreference.objects.filter(user=user).first()
    return preference is None or preference.accepts_messages


def set_accepts_messages(user, accepts):
    MessagingPreference.objects.update_or_create(user=user, defaults={"accepts_messages": accepts})


def blockable_by(user):
    """Whom a member may block (or unblock): members they can find in the directory or
    who share a conversation with them, and those already blocked; naming anyone else
    would reveal their name."""
    mine = Participant.objects.filter(user=user).values("conversation")
    return (
        get_user_model()
        .objects.filter(
            Q(profile__in_directory=True)
            | Q(messaging_participations__conversation__in=mine)
            | Q(messaging_blocked_by__blocker=user)
        )
        .exclude(pk=user.pk)
        .distinct()
    )


def block(user, other):
    if other.pk == user.pk:
        raise Refused(_("Vous ne pouvez pas vous bloquer vous-même."))
    Block.objects.get_or_create(blocker=user, blocked=other)


def unblock(user, other):
    Block.objects.filter(blocker=user, blocked=other).delete()


def has_blocked(user, other):
    return Block.objects.filter(blocker=user, blocked=other).exists()


def blocked_members(user):
    return Block.objects.filter(blocker=user).select_related("blocked")
