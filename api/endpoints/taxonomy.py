"""Thématiques and territories: reference data, public, in a fixed order (by id)."""

from django.http import HttpResponse
from ninja import Field, Query, Router, Schema

from api import filters
from api.pagination import page
from api.schemas import ERRORS, TerritoryOut, page_of
from taxonomy.models import Departement, Region, Thematique


class ThematiqueOut(Schema):
    id: int = Field(..., description="Identifiant de la thématique.")
    slug: str = Field(..., description="Identifiant d’URL, à passer au filtre « thematique ».")
    nom: str = Field(..., alias="name", description="Nom de la thématique.")
    description: str = Field(..., description="Présentation de la thématique.")


class RegionOut(TerritoryOut):
    id: int = Field(..., description="Identifiant de la région.")


class DepartementOut(TerritoryOut):
    id: int = Field(..., description="Identifiant du département.")
    region: TerritoryOut = Field(..., description="Région du département.")


class DepartementParams(filters.PageParams):
    region: str | None = filters.REGION


thematiques = Router(tags=["Thématiques et territoires"])
territories = Router(tags=["Thématiques et territoires"])


@thematiques.get(
    "/",
    response={200: page_of(ThematiqueOut, "PageThematiques"), **ERRORS},
    summary="Lister les thématiques",
)
def list_thematiques(request, response: HttpResponse, params: Query[filters.PageParams]):
    rows = Thematique.objects.all()
    return page(request, response, rows, size=params.limite, cursor=params.curseur)


@territories.get(
    "/regions/",
    response={200: page_of(RegionOut, "PageRegions"), **ERRORS},
    summary="Lister les régions",
)
def list_regions(request, response: HttpResponse, params: Query[filters.PageParams]):
    return page(request, response, Region.objects.all(), size=params.limite, cursor=params.curseur)


@territories.get(
    "/departements/",
    response={200: page_of(DepartementOut, "PageDepartements"), **ERRORS},
    summary="Lister les départements",
    description="Départements, outre-mer compris ; filtre possible par région.",
)
def list_departements(request, response: HttpResponse, params: Query[DepartementParams]):
    rows = filters.territory(Departement.objects.select_related("region"), params)
    return page(request, response, rows, size=params.limite, cursor=params.curseur)
