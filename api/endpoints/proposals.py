"""Propositions with their votes and official answers: what a space's list shows
(published, not hidden by moderation, not merged into another) in the spaces the caller
sees. The vote count and « retenue » are null while the space hides them during the vote,
as on the site and in the space's CSV export."""

import datetime

from django.http import HttpResponse
from ninja import Field, Query, Router

from api import filters
from api.pagination import recent_page
from api.schemas import (
    DEPARTEMENT,
    ERRORS,
    MODIFIE_LE,
    REGION,
    THEMATIQUES,
    LinkedOut,
    TaggedOut,
    TerritoryOut,
    page_of,
)
from participation.spaces.api import SpacePage
from proposals.models import Proposal, ProposalSettings, State

ORDER = "updated_at"
STATES = ", ".join(f"{value} ({label})" for value, label in State.choices)


def _settings(obj):
    return ProposalSettings.for_space(obj.space)


class ProposalOut(LinkedOut, TaggedOut):
    id: int = Field(..., description="Identifiant de la proposition.")
    titre: str = Field(..., alias="title", description="Titre.")
    texte: str = Field(..., alias="body", description="Description, en texte simple.")
    url: str = Field(..., description="Adresse de la proposition sur le site.")
    demarche: int = Field(..., alias="space_id", description="Identifiant de la démarche.")
    etat: str = Field(
        ...,
        alias="state",
        description=f"État de la réponse officielle : {STATES} ; vide : pas encore de réponse.",
    )
    reponse: str = Field(..., alias="answer", description="Réponse officielle.")
    votes: int | None = Field(
        None, description="Nombre de soutiens ; null tant que la démarche les masque."
    )
    retenue: bool | None = Field(
        None, description="Vrai si le seuil de la démarche est atteint ; null si masqué."
    )
    commentaires: int = Field(..., alias="comment_count", description="Commentaires visibles.")
    retiree: bool = Field(..., description="Vrai si les auteurs l’ont retirée.")
    thematiques: list[str] = THEMATIQUES
    region: TerritoryOut | None = REGION
    departement: TerritoryOut | None = DEPARTEMENT
    publiee_le: datetime.datetime = Field(..., alias="published_at", description="Publication.")
    modifie_le: datetime.datetime = Field(..., alias=ORDER, description=MODIFIE_LE.description)

    @staticmethod
    def resolve_votes(obj):
        return None if _settings(obj).counts_hidden else obj.vote_count

    @staticmethod
    def resolve_retenue(obj):
        settings = _settings(obj)
        return None if settings.counts_hidden else settings.is_retained(obj)

    @staticmethod
    def resolve_retiree(obj):
        return obj.is_withdrawn


class ProposalParams(filters.DateParams):
    demarche: int | None = filters.DEMARCHE
    etat: State | None = Field(None, description=f"État de la réponse officielle : {STATES}.")
    thematique: str | None = filters.THEMATIQUE
    region: str | None = filters.REGION
    departement: str | None = filters.DEPARTEMENT


proposals = Router(tags=["Propositions"])


@proposals.get(
    "/",
    response={200: page_of(ProposalOut, "PagePropositions"), **ERRORS},
    summary="Lister les propositions",
    description="Propositions publiées des démarches visibles de l’appelant, avec soutiens, "
    "état et réponse ; date_min et date_max portent sur la publication.",
)
def list_proposals(request, response: HttpResponse, params: Query[ProposalParams]):
    visible = SpacePage.objects.visible_to(request.user).values("pk")
    rows = (
        Proposal.objects.listed()
        .filter(space__in=visible)
        .select_related("region", "departement", "space__proposal_settings")
        .prefetch_related("thematiques", "space__phases")
        .defer("search_document")
        .with_comment_count()
    )
    if params.demarche is not None:
        rows = rows.filter(space=filters.space(params.demarche, request.user))
    if params.etat:
        rows = rows.filter(state=params.etat)
    rows = filters.by_thematique(rows, params)
    rows = filters.territory(rows, params)
    rows = filters.dates(rows, params, "published_at")
    return recent_page(request, response, rows, params, ORDER)
