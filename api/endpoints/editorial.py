"""Actualités and retours d'expérience: the published pages a visitor may read (live, no
view restriction on them or above them), as the index pages list them."""

import datetime

from django.http import HttpResponse
from ninja import Field, Query, Router

from api import filters
from api.pagination import page_modified, recent_page
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
from editorial.models import ExperiencePage, NewsPage

ORDER = "modifie_le"


class PageOut(LinkedOut, TaggedOut):
    id: int = Field(..., description="Identifiant de la page.")
    titre: str = Field(..., alias="title", description="Titre.")
    url: str = Field(..., description="Adresse de la page sur le site.")
    introduction: str = Field(..., description="Chapeau de la page.")
    thematiques: list[str] = THEMATIQUES
    modifie_le: datetime.datetime = MODIFIE_LE


class NewsOut(PageOut):
    date: datetime.date = Field(..., description="Date de l’actualité.")
    mots_cles: list[str] = Field(..., description="Mots-clés.")

    @staticmethod
    def resolve_mots_cles(obj):
        return [tag.name for tag in obj.tags.all()]


class ExperienceOut(PageOut):
    structure: str = Field(..., description="Structure qui a mené l’action.")
    commune: str = Field(..., description="Commune de l’action.")
    quartier: str = Field(..., description="Quartier prioritaire concerné.")
    annee: int | None = Field(None, alias="year", description="Année de l’action.")
    region: TerritoryOut | None = REGION
    departement: TerritoryOut | None = DEPARTEMENT


class NewsParams(filters.DateParams):
    thematique: str | None = filters.THEMATIQUE


class ExperienceParams(filters.DateParams):
    thematique: str | None = filters.THEMATIQUE
    region: str | None = filters.REGION
    departement: str | None = filters.DEPARTEMENT


def published(model):
    return model.objects.live().public().annotate(modifie_le=page_modified())


news = Router(tags=["Actualités"])


@news.get(
    "/",
    response={200: page_of(NewsOut, "PageActualites"), **ERRORS},
    summary="Lister les actualités",
    description="Actualités publiées, les plus récemment modifiées d’abord. "
    "date_min et date_max portent sur la date de l’actualité.",
)
def list_news(request, response: HttpResponse, params: Query[NewsParams]):
    rows = published(NewsPage).prefetch_related("thematiques", "tags")
    rows = filters.by_thematique(rows, params)
    rows = filters.dates(rows, params, "date")
    return recent_page(request, response, rows, params, ORDER)


experiences = Router(tags=["Retours d’expérience"])


@experiences.get(
    "/",
    response={200: page_of(ExperienceOut, "PageRetoursExperience"), **ERRORS},
    summary="Lister les retours d’expérience",
    description="Retours d’expérience publiés, les plus récemment modifiés d’abord. "
    "date_min et date_max portent sur la première publication.",
)
def list_experiences(request, response: HttpResponse, params: Query[ExperienceParams]):
    rows = (
        published(ExperiencePage)
        .select_related("region", "departement")
        .prefetch_related("thematiques")
    )
    rows = filters.by_thematique(rows, params)
    rows = filters.territory(rows, params)
    rows = filters.dates(rows, params, "first_published_at")
    return recent_page(request, response, rows, params, ORDER)
