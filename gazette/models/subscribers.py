"""Who receives the gazette: members who said yes in their notification settings, and
partners outside the network who gave an address and confirmed it (double opt-in).

One row per person, kept after unsubscribing: it holds when consent was given, when the
address was confirmed and when it was withdrawn."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class SubscriberQuerySet(models.QuerySet):
    def active(self):
        """Confirmed, not unsubscribed, and for members an account still open."""
        return self.filter(confirmed_at__isnull=False, unsubscribed_at__isnull=True).filter(
            Q(user__isnull=True) | Q(user__is_active=True)
        )

    def members(self):
        return self.filter(user__isnull=False)

    def partners(self):
        return self.filter(user__isnull=True)


class Subscriber(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("membre"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="gazette_subscription",
    )
    email = models.EmailField(
        _("adresse e-mail"),
        blank=True,
        help_text=_("Pour un partenaire qui n’est pas membre ; vide pour un membre."),
    )
    requested_at = models.DateTimeField(_("demandé le"), default=timezone.now)
    consented_at = models.DateTimeField(_("consentement donné le"), null=True, blank=True)
    confirmed_at = models.DateTimeField(_("adresse confirmée le"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("désabonné le"), null=True, blank=True)

    objects = SubscriberQuerySet.as_manager()

    class Meta:
        verbose_name = _("abonné·e à la gazette")
        verbose_name_plural = _("abonné·es à la gazette")
        constraints = [
            models.CheckConstraint(
                condition=(Q(user__isnull=True) & ~Q(email=""))
                | (Q(user__isnull=False) & Q(email="")),
                name="gazette_subscriber_member_or_address",
            ),
            models.UniqueConstraint(
                Lower("email"),
                condition=Q(user__isnull=True),
                name="gazette_subscriber_partner_email_unique",
            ),
        ]
        indexes = [models.Index(fields=["confirmed_at", "unsubscribed_at"])]

    def __str__(self):
        return self.address

    @property
    def address(self):
        return self.user.email if self.user_id else self.email

    @property
    def is_active(self):
        return self.confirmed_at is not None and self.unsubscribed_at is None
