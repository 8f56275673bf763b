"""Ressources: the library's documents and their metadata.

A document in a collection whose access is restricted (or below one: Wagtail applies a
restriction to the sub-collections) is listed only to a caller who could download it on
the site: a member's token for a "connected members" restriction, or for a group
restriction when the member is in one of its groups. A password never opens it (it is
asked in the browser). Anonymous callers see the library that visitors see."""

import datetime

from django.db.models import Q
from django.http import HttpResponse
from ninja import Field, Query, Router, Schema
from wagtail.models import BaseViewRestriction, CollectionViewRestriction

from api import filters
from api.pagination import recent_page
from api.schemas import (
    DEPARTEMENT,
    ERRORS,
    REGION,
    THEMATIQUES,
    TaggedOut,
    TerritoryOut,
    absolute,
    page_of,
)
from library.choices import ResourceType
from library.models import Resource

ORDER = "created_at"


def _passes(restriction, user, group_ids):
    if restriction.restriction_type == BaseViewRestriction.LOGIN:
        return user.is_authenticated
    if restriction.restriction_type == BaseViewRestriction.GROUPS:
        allowed = {group.pk for group in restriction.groups.all()}
        return user.is_authenticated and (user.is_superuser or bool(allowed & group_ids))
    return False


def downloadable_by(user):
    """Resources outside every collection restriction the user does not pass."""
    group_ids = set(user.groups.values_list("pk", flat=True)) if user.is_authenticated else set()
    closed = Q()
    restrictions = CollectionViewRestriction.objects.select_related("collection")
    for restriction in restrictions.prefetch_related("groups"):
        if not _passes(restriction, user, group_ids):
            closed |= Q(collection__path__startswith=restriction.collection.path)
    return Resource.objects.exclude(closed) if closed else Resource.objects.all()


class FileOut(Schema):
    nom: str = Field(..., description="Nom du fichier.")
    format: str = Field(..., description="Extension du fichier (pdf, docx, odt…).")
    taille: int | None = Field(None, description="Taille en octets.")
    url_telechargement: str = Field(
        ..., description="Adresse de téléchargement (donnée seulement à qui peut télécharger)."
    )


class ResourceOut(TaggedOut):
    id: int = Field(..., description="Identifiant de la ressource.")
    titre: str = Field(..., alias="title", description="Titre du document.")
    description: str = Field(..., description="Ce que le document apporte.")
    type: str = Field(
        ...,
        alias="resource_type",
        description="Type de ressource : "
        + ", ".join(f"{value} ({label})" for value, label in ResourceType.choices)
        + ".",
    )
    annee: int | None = Field(None, alias="year", description="Année de publication.")
    source: str = Field(..., description="Auteur ou structure source.")
    thematiques: list[str] = THEMATIQUES
    region: TerritoryOut | None = REGION
    departement: TerritoryOut | None = DEPARTEMENT
    fichier: FileOut = Field(..., description="Le fichier et son adresse de téléchargement.")
    modifie_le: datetime.datetime = Field(
        ..., alias=ORDER, description="Date de dépôt du document (ISO 8601)."
    )

    @staticmethod
    def resolve_fichier(obj, context):
        return {
            "nom": obj.filename,
            "format": obj.file_extension,
            "taille": obj.file_size,
            "url_telechargement": absolute(context, obj.url),
        }


class ResourceParams(filters.UpdatedParams):
    thematique: str | None = filters.THEMATIQUE
    region: str | None = filters.REGION
    departement: str | None = filters.DEPARTEMENT
    type: ResourceType | None = Field(None, description="Type de ressource.")
    annee: int | None = Field(None, description="Année de publication.")


resources = Router(tags=["Ressources"])


@resources.get(
    "/",
    response={200: page_of(ResourceOut, "PageRessources"), **ERRORS},
    summary="Lister les ressources",
    description="Documents de la bibliothèque, les plus récemment déposés d’abord, avec "
    "leurs métadonnées et l’adresse du fichier. « modifie_depuis » porte sur la date de dépôt.",
)
def list_resources(request, response: HttpResponse, params: Query[ResourceParams]):
    rows = downloadable_by(request.user).for_listing()
    rows = filters.by_thematique(rows, params)
    rows = filters.territory(rows, params)
    if params.type:
        rows = rows.filter(resource_type=params.type)
    if params.annee is not None:
        rows = rows.filter(year=params.annee)
    return recent_page(request, response, rows, params, ORDER)
