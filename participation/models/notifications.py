"""In-app notifications and each member's choice of email rhythm."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


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
