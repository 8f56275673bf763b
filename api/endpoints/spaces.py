"""Démarches participatives with their phases: the spaces the caller may see
(`SpacePage.objects.visible_to`: public ones for everybody, members-only ones for a
member's token, private ones for their invited members and moderators)."""

import datetime

from django.db.models import Q
from django.http import HttpResponse
from ninja import Field, Query, Router, Schema

from api import filters
from api.pagination import page_modified, recent_page
from api.schemas import ERRORS, MODIFIE_LE, THEMATIQUES, LinkedOut, TaggedOut, page_of
from participation.spaces.api import SpacePage, Visibility

ORDER = "modifie_le"


class PhaseOut(Schema):
    titre: str = Field(..., alias="title", description="Nom de la phase.")
    description: str = Field(..., description="Ce qui s’y passe.")
    debut: datetime.date = Field(..., alias="start_date", description="Premier jour.")
    fin: datetime.date | None = Field(None, alias="end_date", description="Dernier jour.")
    actions: list[str] = Field(
        ..., description="Ce que la phase ouvre (codes : propose, vote, comment, debate…)."
    )
    en_cours: bool = Field(..., description="Vrai pour la phase en cours.")

    @staticmethod
    def resolve_en_cours(obj):
        return obj.space.current_phase == obj


class SpaceOut(LinkedOut, TaggedOut):
    id: int = Field(..., description="Identifiant de la démarche.")
    titre: str = Field(..., alias="title", description="Titre.")
    url: str = Field(..., description="Adresse de la démarche sur le site.")
    introduction: str = Field(..., description="Ce que la démarche cherche à faire.")
    visibilite: str = Field(
        ...,
        alias="visibility",
        description="Visibilité : "
        + ", ".join(f"{value} ({label})" for value, label in Visibility.choices)
        + ".",
    )
    debut: datetime.date | None = Field(None, alias="start_date", description="Début.")
    fin: datetime.date | None = Field(None, alias="end_date", description="Fin.")
    modules: list[str] = Field(..., description="Modules utilisés (proposals, debates…).")
    thematiques: list[str] = THEMATIQUES
    phases: list[PhaseOut] = Field(..., description="Les phases, dans l’ordre.")
    modifie_le: datetime.datetime = MODIFIE_LE

    @staticmethod
    def resolve_phases(obj):
        return obj.ordered_phases


class SpaceParams(filters.DateParams):
    thematique: str | None = filters.THEMATIQUE


spaces = Router(tags=["Démarches"])


@spaces.get(
    "/",
    response={200: page_of(SpaceOut, "PageDemarches"), **ERRORS},
    summary="Lister les démarches participatives",
    description="Démarches visibles de l’appelant, avec leurs phases ; date_min et date_max "
    "retiennent celles dont la période (début, fin) croise la période demandée.",
)
def list_spaces(request, response: HttpResponse, params: Query[SpaceParams]):
    rows = SpacePage.objects.visible_to(request.user).annotate(modifie_le=page_modified())
    rows = rows.prefetch_related("thematiques", "phases")
    rows = filters.by_thematique(rows, params)
    if params.date_max is not None:
        rows = rows.filter(Q(start_date__isnull=True) | Q(start_date__lte=params.date_max))
    if params.date_min is not None:
        rows = rows.filter(Q(end_date__isnull=True) | Q(end_date__gte=params.date_min))
    return recent_page(request, response, rows, params, ORDER)
