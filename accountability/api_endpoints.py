"""The read API's /suivis/ endpoint: the results (chantiers) of the spaces the caller sees
that use the follow-up module, with their progress computed by the module's own rules
(`ProgressTree`), from one query over the spaces of the page whatever its size."""

import datetime

from django.db.models import Prefetch
from django.http import HttpResponse
from ninja import Field, Query, Router

from accountability.models import Result
from accountability.progress import ProgressTree
from accountability.rules import MODULE
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
from proposals.models import Proposal

ORDER = "updated_at"


class ResultOut(LinkedOut, TaggedOut):
    id: int = Field(..., description="Identifiant du chantier.")
    titre: str = Field(..., alias="title", description="Titre du chantier.")
    description: str = Field(..., description="Ce qui a été décidé et ce qui est fait.")
    url: str = Field(..., description="Adresse du chantier sur le site.")
    demarche: int = Field(..., alias="space_id", description="Identifiant de la démarche.")
    parent: int | None = Field(
        None, alias="parent_id", description="Chantier parent ; null : chantier de premier niveau."
    )
    reference: str = Field(..., description="Référence du chantier dans sa démarche.")
    etat: str | None = Field(None, description="État du chantier (liste propre à la démarche).")
    avancement: int | None = Field(
        None,
        description="Avancement en pourcentage : celui des enfants en moyenne quand le "
        "chantier en a, sinon celui fixé à la main ou celui de son état ; null : sans objet.",
    )
    debut: datetime.date | None = Field(None, alias="start_date", description="Début.")
    fin: datetime.date | None = Field(None, alias="end_date", description="Fin prévue.")
    structure: str | None = Field(None, description="Structure responsable.")
    propositions: list[int] = Field(..., description="Propositions auxquelles il répond.")
    region: TerritoryOut | None = REGION
    departement: TerritoryOut | None = DEPARTEMENT
    thematiques: list[str] = THEMATIQUES
    modifie_le: datetime.datetime = Field(..., alias=ORDER, description=MODIFIE_LE.description)

    @staticmethod
    def resolve_etat(obj):
        return obj.status.name if obj.status else None

    @staticmethod
    def resolve_avancement(obj):
        return obj.computed_progress

    @staticmethod
    def resolve_structure(obj):
        return str(obj.structure) if obj.structure else None

    @staticmethod
    def resolve_propositions(obj):
        return [proposal.pk for proposal in obj.proposals.all()]


class ResultParams(filters.UpdatedParams):
    demarche: int | None = filters.DEMARCHE
    thematique: str | None = filters.THEMATIQUE
    region: str | None = filters.REGION
    departement: str | None = filters.DEPARTEMENT


router = Router(tags=["Suivi des priorités"])


def _with_progress(results):
    """Each result's progress, from the results of the same spaces (one query)."""
    tree = ProgressTree.for_spaces({result.space_id for result in results})
    for result in results:
        result.computed_progress = tree.progress(result.pk)


@router.get(
    "/",
    response={200: page_of(ResultOut, "PageSuivis"), **ERRORS},
    summary="Lister les chantiers suivis",
    description="Chantiers des démarches visibles de l’appelant qui suivent leurs priorités.",
)
def list_results(request, response: HttpResponse, params: Query[ResultParams]):
    spaces = SpacePage.objects.visible_to(request.user).filter(modules__contains=[MODULE])
    rows = (
        Result.objects.filter(space__in=spaces)
        .select_related("status", "structure", "region", "departement")
        .prefetch_related(
            "thematiques", Prefetch("proposals", queryset=Proposal.objects.listed().only("pk"))
        )
    )
    if params.demarche is not None:
        rows = rows.filter(space=filters.space(params.demarche, request.user))
    rows = filters.by_thematique(rows, params)
    rows = filters.territory(rows, params)
    found = recent_page(request, response, rows, params, ORDER)
    _with_progress(found["resultats"])
    return found
