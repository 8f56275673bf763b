"""Événements: network-wide ones and those of the spaces the caller sees
(`Event.objects.visible_to`), archived ones included (their page stays online), with the
number of confirmed registrations. The connection link is never given: the site shows it
to registered members only."""

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
from events.models import Event, EventFormat

ORDER = "updated_at"
FORMATS = ", ".join(f"{value} ({label})" for value, label in EventFormat.choices)


class EventOut(LinkedOut, TaggedOut):
    id: int = Field(..., description="Identifiant de l’événement.")
    titre: str = Field(..., alias="title", description="Titre.")
    format: str = Field(..., description=f"Format : {FORMATS}.")
    description: str = Field(..., description="Programme, public, intervenants.")
    url: str = Field(..., description="Adresse de l’événement sur le site.")
    debut: datetime.datetime = Field(..., alias="start_at", description="Début (ISO 8601).")
    fin: datetime.datetime = Field(..., alias="end_at", description="Fin (ISO 8601).")
    fuseau_horaire: str = Field(..., alias="tzname", description="Fuseau horaire du lieu.")
    adresse: str = Field(..., alias="address", description="Adresse du lieu.")
    commune: str = Field(..., description="Commune.")
    region: TerritoryOut | None = REGION
    departement: TerritoryOut | None = DEPARTEMENT
    demarche: int | None = Field(
        None, alias="space_id", description="Démarche de l’événement ; null : tout le réseau."
    )
    places: int | None = Field(None, alias="capacity", description="Places ; null : illimité.")
    inscrits: int = Field(..., alias="confirmed_count", description="Inscriptions confirmées.")
    places_restantes: int | None = Field(
        None, alias="remaining_places", description="Places restantes ; null : illimité."
    )
    archive: bool = Field(..., alias="archived", description="Retiré de l’agenda.")
    thematiques: list[str] = THEMATIQUES
    modifie_le: datetime.datetime = Field(..., alias=ORDER, description=MODIFIE_LE.description)


class EventParams(filters.DateParams):
    demarche: int | None = filters.DEMARCHE
    format: EventFormat | None = Field(None, description=f"Format : {FORMATS}.")
    thematique: str | None = filters.THEMATIQUE
    region: str | None = filters.REGION
    departement: str | None = filters.DEPARTEMENT


events = Router(tags=["Événements"])


@events.get(
    "/",
    response={200: page_of(EventOut, "PageEvenements"), **ERRORS},
    summary="Lister les événements",
    description="Événements visibles de l’appelant ; date_min et date_max portent sur le "
    "jour de début.",
)
def list_events(request, response: HttpResponse, params: Query[EventParams]):
    rows = Event.objects.visible_to(request.user).for_listing()
    if params.demarche is not None:
        rows = rows.filter(space=filters.space(params.demarche, request.user))
    if params.format:
        rows = rows.filter(format=params.format)
    rows = filters.by_thematique(rows, params)
    rows = filters.territory(rows, params, region_field="departement__region")
    rows = filters.dates(rows, params, "start_at")
    return recent_page(request, response, rows, params, ORDER)
