"""The sending of an issue: when it is due or started, and one delivery row per
recipient, written before anything is sent, so that a crash leaves a list of who still
waits and nobody receives an issue twice."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Sending(models.Model):
    """An issue's sending, kept apart from the page so that publishing a later revision
    of the issue cannot undo it."""

    issue = models.OneToOneField(
        "gazette.GazetteIssuePage",
        verbose_name=_("numéro"),
        on_delete=models.CASCADE,
        related_name="sending",
    )
    scheduled_at = models.DateTimeField(_("envoi prévu le"), null=True, blank=True)
    started_at = models.DateTimeField(_("envoi commencé le"), null=True, blank=True)
    finished_at = models.DateTimeField(_("envoi terminé le"), null=True, blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("demandé par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("envoi de la gazette")
        verbose_name_plural = _("envois de la gazette")
        indexes = [models.Index(fields=["scheduled_at", "started_at"])]

    def __str__(self):
        return str(self.issue)


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("À envoyer")
    SENDING = "sending", _("En cours d’envoi")
    SENT = "sent", _("Envoyé")
    FAILED = "failed", _("Échec")
    SKIPPED = "skipped", _("Non envoyé : désabonné·e entre-temps")


class Delivery(models.Model):
    issue = models.ForeignKey(
        "gazette.GazetteIssuePage",
        verbose_name=_("numéro"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    subscriber = models.ForeignKey(
        "gazette.Subscriber",
        verbose_name=_("abonné·e"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    status = models.CharField(
        _("état"), max_length=10, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    claimed_at = models.DateTimeField(_("pris en charge le"), null=True, blank=True)
    sent_at = models.DateTimeField(_("envoyé le"), null=True, blank=True)
    error = models.CharField(_("erreur"), max_length=300, blank=True)

    class Meta:
        verbose_name = _("envoi à un·e abonné·e")
        verbose_name_plural = _("envois aux abonné·es")
        constraints = [
            models.UniqueConstraint(
                fields=["issue", "subscriber"], name="gazette_delivery_once_per_issue"
            )
        ]
        indexes = [models.Index(fields=["issue", "status"])]

    def __str__(self):
        return f"{self.issue} → {self.subscriber}"
