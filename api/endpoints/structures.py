"""Structures of the network: the validated ones, which have a public page (a structure
a member proposed waits for an editor and is not listed). No member is named: the site
names only members of the directory, and the API publishes no person."""

import datetime

from django.http import HttpResponse
from ninja import Field, Query, Router

from api import filters
from api.pagination import recent_page
from api.schemas import DEPARTEMENT, ERRORS, REGION, LinkedOut, TerritoryOut, page_of
from members.models import StructureType
from structures.models import Structure

ORDER = "created_at"
TYPES = ", ".join(f"{value} ({label})" for value, label in StructureType.choices)


class StructureOut(LinkedOut):
    id: int = Field(..., description="Identifiant de la structure.")
    nom: str = Field(..., alias="name", description="Nom.")
    slug: str = Field(..., description="Identifiant d’URL.")
    type: str = Field(..., description=f"Type de structure : {TYPES}.")
    site: str = Field(..., alias="website", description="Site internet.")
    url: str = Field(..., description="Adresse de la page de la structure sur le site.")
    region: TerritoryOut | None = REGION
    departement: TerritoryOut | None = DEPARTEMENT
    modifie_le: datetime.datetime = Field(
        ..., alias=ORDER, description="Date d’ajout de la structure (ISO 8601)."
    )


class StructureParams(filters.UpdatedParams):
    type: StructureType | None = Field(None, description=f"Type de structure : {TYPES}.")
    region: str | None = filters.REGION
    departement: str | None = filters.DEPARTEMENT


structures = Router(tags=["Structures"])


@structures.get(
    "/",
    response={200: page_of(StructureOut, "PageStructures"), **ERRORS},
    summary="Lister les structures",
    description="Structures validées du réseau ; « modifie_depuis » porte sur la date d’ajout.",
)
def list_structures(request, response: HttpResponse, params: Query[StructureParams]):
    rows = Structure.objects.validated().select_related("region", "departement")
    if params.type:
        rows = rows.filter(type=params.type)
    rows = filters.territory(rows, params)
    return recent_page(request, response, rows, params, ORDER)
