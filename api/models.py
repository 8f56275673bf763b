"""Personal access tokens of the read API: a member creates one per use (a partner's
site, a script), sees it once, and may revoke it. Only the SHA-256 of the token is
stored, with its first characters so that the member recognises it in the list."""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

PREFIX = "mlg_"
DISPLAY_LENGTH = len(PREFIX) + 6


def hash_token(raw):
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiTokenQuerySet(models.QuerySet):
    def create_for(self, user, name):
        """A new token for `user`: returns (token, raw value). The raw value exists only
        in the response that shows it; the database keeps its hash."""
        raw = PREFIX + secrets.token_urlsafe(32)
        token = self.create(
            user=user, name=name, key_hash=hash_token(raw), display_prefix=raw[:DISPLAY_LENGTH]
        )
        return token, raw

    def matching(self, raw):
        """The active token whose value is `raw`, with its owner, or None."""
        return (
            self.select_related("user")
            .filter(key_hash=hash_token(raw), user__is_active=True)
            .first()
        )


class ApiToken(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("membre"),
        on_delete=models.CASCADE,
        related_name="read_api_tokens",
    )
    name = models.CharField(
        _("nom"),
        max_length=80,
        help_text=_("Pour vous y retrouver : « Site du centre de ressources », « Script »…"),
    )
    key_hash = models.CharField(_("empreinte SHA-256"), max_length=64, unique=True)
    display_prefix = models.CharField(_("début du jeton"), max_length=16)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("dernière utilisation"), null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("jeton d’accès à l’API")
        verbose_name_plural = _("jetons d’accès à l’API")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return f"{self.name} ({self.display_prefix}…)"
