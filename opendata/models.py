"""The builds of the open data files: when one was asked for, by whom, when it ended and
what it wrote (rows per dataset), so the page shows the last build and the pending one."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class BuildQuerySet(models.QuerySet):
    def finished(self):
        return self.filter(finished_at__isnull=False)

    def pending(self):
        return self.filter(finished_at__isnull=True)


class Build(models.Model):
    requested_at = models.DateTimeField(_("demandée le"), auto_now_add=True, db_index=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("demandée par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Vide pour la reconstruction de chaque nuit."),
    )
    finished_at = models.DateTimeField(_("terminée le"), null=True, blank=True, db_index=True)
    row_counts = models.JSONField(_("lignes par jeu de données"), default=dict, blank=True)

    objects = BuildQuerySet.as_manager()

    class Meta:
        verbose_name = _("reconstruction des données ouvertes")
        verbose_name_plural = _("reconstructions des données ouvertes")
        ordering = ["-requested_at", "-pk"]
        permissions = [("rebuild_open_data", _("Peut demander la reconstruction des données"))]

    def __str__(self):
        return str(self.requested_at)
