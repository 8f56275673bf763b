"""Débats of the spaces the caller sees (`Debate.objects.visible_to`: hidden ones only
for moderators), with their status and number of visible comments."""

import datetime

from django.http import HttpResponse
from ninja import Field, Query, Router

from api import filters
from api.pagination import recent_page
from api.schemas import ERRORS, MODIFIE_LE, THEMATIQUES, LinkedOut, TaggedOut, page_of
from debates.models import Debate, DebateStatus

ORDER = "updated_at"
STATUSES = ", ".join(f"{value} ({label})" for value, label in DebateStatus.choices)


class DebateOut(LinkedOut, TaggedOut):
    id: int = Field(..., description="Identifiant du débat.")
    titre: str = Field(..., alias="title", description="Question débattue.")
    description: str = Field(..., description="Contexte et enjeux.")
    url: str = Field(..., description="Adresse du débat sur le site.")
    demarche: int = Field(..., alias="space_id", description="Identifiant de la démarche.")
    statut: str = Field(..., alias="status", description=f"Statut : {STATUSES}.")
    officiel: bool = Field(..., alias="is_official", description="Ouvert par l’animation.")
    ouverture: datetime.datetime | None = Field(None, alias="start_at", description="Ouverture.")
    cloture: datetime.datetime | None = Field(None, alias="end_at", description="Clôture prévue.")
    commentaires: int = Field(..., alias="comments_count", description="Commentaires visibles.")
    conclusions: str = Field(..., description="Conclusions des modérateurs, une fois clos.")
    thematiques: list[str] = THEMATIQUES
    cree_le: datetime.datetime = Field(..., alias="created_at", description="Création.")
    modifie_le: datetime.datetime = Field(..., alias=ORDER, description=MODIFIE_LE.description)


class DebateParams(filters.DateParams):
    demarche: int | None = filters.DEMARCHE
    etat: DebateStatus | None = Field(None, description=f"Statut du débat : {STATUSES}.")
    thematique: str | None = filters.THEMATIQUE


debates = Router(tags=["Débats"])


@debates.get(
    "/",
    response={200: page_of(DebateOut, "PageDebats"), **ERRORS},
    summary="Lister les débats",
    description="Débats des démarches visibles de l’appelant ; date_min et date_max portent "
    "sur la création.",
)
def list_debates(request, response: HttpResponse, params: Query[DebateParams]):
    rows = (
        Debate.objects.visible_to(request.user)
        .prefetch_related("thematiques")
        .with_comment_counts()
    )
    if params.demarche is not None:
        rows = rows.filter(space=filters.space(params.demarche, request.user))
    if params.etat:
        rows = rows.with_status(params.etat)
    rows = filters.by_thematique(rows, params)
    rows = filters.dates(rows, params, "created_at")
    return recent_page(request, response, rows, params, ORDER)
