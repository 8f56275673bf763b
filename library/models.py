"""The shared resource library: Wagtail documents carrying the network's metadata."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document


class ResourceType(models.TextChoices):
    GUIDE = "guide", _("Guide")
    ETUDE = "etude", _("Étude")
    SYNTHESE = "synthese", _("Synthèse")
    COMPTE_RENDU = "compte_rendu", _("Compte rendu")
    INFOGRAPHIE = "infographie", _("Infographie")
    OUTIL = "outil", _("Outil")
    ENQUETE = "enquete", _("Enquête")
    AUTRE = "autre", _("Autre")


class Resource(AbstractDocument):
    resource_type = models.CharField(
        _("type de ressource"),
        max_length=20,
        choices=ResourceType.choices,
        default=ResourceType.AUTRE,
    )
    description = models.TextField(_("description"), blank=True)

    admin_form_fields = (*Document.admin_form_fields, "resource_type", "description")

    class Meta(AbstractDocument.Meta):
        verbose_name = _("ressource")
        verbose_name_plural = _("ressources")
