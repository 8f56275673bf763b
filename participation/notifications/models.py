"""What happened on the platform and who hears of it: activities (the source of the
"Dernières contributions" feeds and of notifications; rows keep a snapshot, title and URL,
so that feeds render in one query), follows, in-site notifications and each member's
choice of e-mail rhythm. Only this package writes these rows."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from participation.spaces.models import SpacePage


class ActivityQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Activities of content the user may see: public ones only, never hidden, never
        in a space they cannot see."""
        spaces = SpacePage.objects.visible_to(user).values("pk")
        return self.filter(
            Q(space__isnull=True) | Q(space__in=spaces), is_public=True, is_hidden=False
        )

    def for_feed(self):
        return self.select_related("actor", "space").order_by("-created_at", "-pk")


class Activity(models.Model):
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    verb = models.CharField(
        _("action"),
        max_length=200,
        help_text=_("Phrase courte, par exemple « a commenté »."),
    )
    title = models.CharField(_("titre"), max_length=255)
    url = models.CharField(_("adresse"), max_length=500)
    space = models.ForeignKey(
        "participation.SpacePage",
        verbose_name=_("démarche"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="activities",
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    target = GenericForeignKey("content_type", "object_id")
    is_hidden = models.BooleanField(default=False)
    is_public = models.BooleanField(
        default=True,
        help_text=_(
            "Une activité privée (une invitation, un message) n’apparaît que dans les "
            "notifications et les e-mails de ses destinataires, jamais dans les fils publics."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    objects = ActivityQuerySet.as_manager()

    class Meta:
        verbose_name = _("activité")
        verbose_name_plural = _("activités")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.actor} {self.verb} {self.title}"


class FollowQuerySet(models.QuerySet):
    def of(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj),
            object_id=obj.pk,
        )


class Follow(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="participation_follows"
    )
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    created_at = models.DateTimeField(_("depuis le"), auto_now_add=True)

    objects = FollowQuerySet.as_manager()

    class Meta:
        verbose_name = _("abonnement")
        verbose_name_plural = _("abonnements")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "content_type", "object_id"], name="participation_one_follow"
            )
        ]
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self):
        return f"{self.user} → {self.content_type.name} {self.object_id}"


class EmailFrequency(models.TextChoices):
    IMMEDIATE = "immediate", _("Immédiatement")
    DAILY = "daily", _("Résumé quotidien")
    WEEKLY = "weekly", _("Résumé hebdomadaire")
    NEVER = "never", _("Jamais")


class NotificationSettings(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_settings"
    )
    email_frequency = models.CharField(
        _("recevoir les notifications par e-mail"),
        max_length=10,
        choices=EmailFrequency.choices,
        default=EmailFrequency.WEEKLY,
        help_text=_("Le résumé hebdomadaire suffit pour suivre le réseau sans être débordé."),
    )
    last_digest_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Visits of the notifications page, for "Depuis votre dernière visite" (grouping.py).
    visited_at = models.DateTimeField(null=True, blank=True, editable=False)
    previous_visit_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("préférences de notification")
        verbose_name_plural = _("préférences de notification")

    def __str__(self):
        return str(self.user)


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)

    def unsent(self):
        return self.filter(emailed_at__isnull=True, read_at__isnull=True)

    def for_listing(self):
        return self.select_related("activity__actor", "activity__space").order_by(
            "-created_at", "-pk"
        )


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    activity = models.ForeignKey(
        "participation.Activity", on_delete=models.CASCADE, related_name="notifications"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(
        null=True, blank=True, help_text=_("Envoyée par e-mail (seule ou dans un résumé).")
    )

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "activity"], name="participation_one_notification_per_item"
            )
        ]
        indexes = [
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["recipient", "emailed_at"]),
        ]

    def __str__(self):
        return f"{self.recipient} · {self.activity}"
