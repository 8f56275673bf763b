"""Moderation shared by every kind of member content: hiding (never deleting), reports,
and the log of what moderators did."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class ModeratableQuerySet(models.QuerySet):
    def visible(self):
        return self.filter(is_hidden=False)

    def hidden(self):
        return self.filter(is_hidden=True)


class Moderatable(models.Model):
    """Mixin for member content that can be reported and hidden by moderation.

    Subclasses name the field holding the author in `moderation_author_field`; hidden
    content stays in the database and is shown again when a moderator unhides it."""

    is_hidden = models.BooleanField(_("masqué par la modération"), default=False, db_index=True)

    moderation_author_field = "user"

    objects = ModeratableQuerySet.as_manager()

    class Meta:
        abstract = True

    @property
    def moderation_author(self):
        return getattr(self, self.moderation_author_field)

    def moderation_excerpt(self):
        """A short text moderators read in the queue."""
        return str(self)


class ReportReason(models.TextChoices):
    SPAM = "spam", _("Spam ou publicité")
    OFFENSIVE = "offensive", _("Propos offensants")
    OFF_TOPIC = "off_topic", _("Hors sujet")
    PERSONAL_DATA = "personal_data", _("Données personnelles")
    OTHER = "other", _("Autre")


class ReportQuerySet(models.QuerySet):
    def open(self):
        return self.filter(dismissed_at__isnull=True)


class Report(models.Model):
    reporter = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("signalé par"),
        on_delete=models.CASCADE,
        related_name="participation_reports",
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    reason = models.CharField(_("motif"), max_length=20, choices=ReportReason.choices)
    details = models.TextField(_("précisions"), max_length=1000, blank=True)
    created_at = models.DateTimeField(_("signalé le"), auto_now_add=True)
    dismissed_at = models.DateTimeField(_("classé le"), null=True, blank=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = _("signalement")
        verbose_name_plural = _("signalements")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["reporter", "content_type", "object_id"],
                name="participation_one_report_per_member_per_item",
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id", "dismissed_at"])]

    def __str__(self):
        return f"{self.get_reason_display()} ({self.content_type.name} {self.object_id})"


class ModerationActionKind(models.TextChoices):
    HIDE = "hide", _("Masqué")
    AUTO_HIDE = "auto_hide", _("Masqué automatiquement")
    UNHIDE = "unhide", _("Rétabli")
    DISMISS = "dismiss", _("Signalements classés")
    WARN = "warn", _("Membre averti")
    BLOCK = "block", _("Membre bloqué")
    UNBLOCK = "unblock", _("Membre débloqué")


class ModerationAction(models.Model):
    """The moderation log: who did what, when and why. Never edited."""

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("modérateur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Vide quand l’action est automatique."),
    )
    kind = models.CharField(_("action"), max_length=20, choices=ModerationActionKind.choices)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, null=True, blank=True)
    object_id = models.PositiveBigIntegerField(null=True, blank=True)
    content_object = GenericForeignKey("content_type", "object_id")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("membre concerné"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reason = models.TextField(_("motif"), blank=True)
    created_at = models.DateTimeField(_("date"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("action de modération")
        verbose_name_plural = _("journal de modération")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()} · {self.created_at:%d/%m/%Y %H:%M}"
