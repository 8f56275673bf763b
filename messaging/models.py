"""Private conversations between members: who takes part (and what they have read),
the messages, and each member's protections (refusing messages, blocking a member).

Accounts may be deleted: the author of a message and a participant then become empty
(SET_NULL) and read "Compte supprimé", so the other party keeps the conversation."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from participation.moderation.api import Moderatable, ModeratableQuerySet

MAX_PARTICIPANTS = 10
MESSAGE_MAX_LENGTH = 5000


def name_of(user):
    """How a member is named in messaging: never their e-mail address."""
    if user is None:
        return str(_("Compte supprimé"))
    return user.display_name or str(_("Membre sans nom"))


def direct_key(first_id, second_id):
    """The key of the one-to-one conversation of two members, the same both ways."""
    low, high = sorted((first_id, second_id))
    return f"{low}-{high}"


class Conversation(models.Model):
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("commencée par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    direct_key = models.CharField(
        max_length=41,
        null=True,
        blank=True,
        unique=True,
        editable=False,
        help_text=_("Pour une conversation à deux : la seule de ces deux membres."),
    )
    created_at = models.DateTimeField(_("commencée le"), default=timezone.now)
    last_message = models.ForeignKey(
        "messaging.Message", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    last_message_at = models.DateTimeField(_("dernier message le"), default=timezone.now)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")

    def __str__(self):
        return _("Conversation n° %(pk)s") % {"pk": self.pk}

    def get_absolute_url(self):
        return reverse("messaging:conversation", args=[self.pk])

    @property
    def is_group(self):
        return self.direct_key is None


class ParticipantQuerySet(models.QuerySet):
    def active(self):
        return self.filter(left_at__isnull=True)

    def unread(self):
        return self.filter(
            Q(last_read_at__isnull=True) | Q(conversation__last_message_at__gt=F("last_read_at"))
        )


class Participant(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("membre"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="messaging_participations",
    )
    joined_at = models.DateTimeField(_("arrivé le"), default=timezone.now)
    last_read_at = models.DateTimeField(_("lu jusqu’au"), null=True, blank=True)
    left_at = models.DateTimeField(_("parti le"), null=True, blank=True)

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["conversation", "user"], name="messaging_one_participant_per_member"
            )
        ]
        indexes = [models.Index(fields=["user", "left_at"], name="messaging_participant_inbox")]

    def __str__(self):
        return f"{self.user_id} · {self.conversation_id}"

    @property
    def is_unread(self):
        return self.last_read_at is None or self.conversation.last_message_at > self.last_read_at


class MessageQuerySet(ModeratableQuerySet):
    def for_thread(self):
        return self.select_related("author").order_by("-created_at", "-pk")


class Message(Moderatable):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="messaging_messages",
    )
    body = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    created_at = models.DateTimeField(_("envoyé le"), default=timezone.now)

    moderation_author_field = "author"

    objects = MessageQuerySet.as_manager()

    class Meta:
        verbose_name = _("message privé")
        verbose_name_plural = _("messages privés")
        indexes = [
            models.Index(fields=["conversation", "-created_at"], name="messaging_message_thread")
        ]

    def __str__(self):
        return Truncator(self.body).chars(60)

    def get_absolute_url(self):
        return f"{self.conversation.get_absolute_url()}#message-{self.pk}"

    def moderation_excerpt(self):
        return self.body


class MessagingPreference(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messaging_preference"
    )
    accepts_messages = models.BooleanField(
        _("accepter les messages des membres"),
        default=True,
        help_text=_(
            "Décochez pour que personne ne puisse vous écrire ; vos conversations en cours "
            "restent lisibles."
        ),
    )

    class Meta:
        verbose_name = _("préférence de messagerie")
        verbose_name_plural = _("préférences de messagerie")

    def __str__(self):
        return str(self.user_id)


class Block(models.Model):
    """`blocker` no longer receives anything from `blocked`."""

    blocker = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messaging_blocks"
    )
    blocked = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="messaging_blocked_by"
    )
    created_at = models.DateTimeField(_("bloqué le"), default=timezone.now)

    class Meta:
        verbose_name = _("membre bloqué")
        verbose_name_plural = _("membres bloqués")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["blocker", "blocked"], name="messaging_one_block"),
            models.CheckConstraint(
                condition=~Q(blocker=F("blocked")), name="messaging_no_self_block"
            ),
        ]

    def __str__(self):
        return f"{self.blocker_id} ⊘ {self.blocked_id}"
