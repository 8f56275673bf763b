"""Vocabularies of the library, shared by its models and forms."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ResourceType(models.TextChoices):
    GUIDE = "guide", _("Guide")
    ETUDE = "etude", _("Étude")
    SYNTHESE = "synthese", _("Synthèse")
    COMPTE_RENDU = "compte_rendu", _("Compte rendu")
    INFOGRAPHIE = "infographie", _("Infographie")
    OUTIL = "outil", _("Outil")
    ENQUETE = "enquete", _("Enquête")
    AUTRE = "autre", _("Autre")
