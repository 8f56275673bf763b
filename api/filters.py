"""The query parameters the endpoints share, described in French for the schema, and
their resolution: an unknown thématique, territory or démarche is a 400 that names it
(a démarche the caller may not see is just as unknown: its existence is not disclosed)."""

import datetime

from django.utils.translation import gettext as _
from ninja import Field, Schema

from api.errors import BadRequest
from api.pagination import DEFAULT_SIZE, MAX_SIZE
from participation.spaces.api import SpacePage
from taxonomy.models import Departement, Region, Thematique


class PageParams(Schema):
    curseur: str | None = Field(
        None, description="Valeur « suivant » de la page précédente ; vide : première page."
    )
    limite: int = Field(
        DEFAULT_SIZE, ge=1, le=MAX_SIZE, description="Nombre d’éléments par page (1 à 100)."
    )


class UpdatedParams(PageParams):
    modifie_depuis: datetime.datetime | None = Field(
        None,
        description="Seulement les éléments modifiés à partir de cette date et heure "
        "(ISO 8601, par exemple 2025-01-31T08:00:00+01:00).",
    )


class DateParams(UpdatedParams):
    date_min: datetime.date | None = Field(
        None, description="Date de début de la période (incluse), au format AAAA-MM-JJ."
    )
    date_max: datetime.date | None = Field(
        None, description="Date de fin de la période (incluse), au format AAAA-MM-JJ."
    )


THEMATIQUE = Field(None, description="Identifiant (slug) d’une thématique, par exemple « emploi ».")
REGION = Field(None, description="Code INSEE d’une région, par exemple « 84 ».")
DEPARTEMENT = Field(None, description="Code d’un département, par exemple « 69 » ou « 2A ».")
DEMARCHE = Field(None, description="Identifiant d’une démarche participative (voir /demarches/).")


def thematique(slug):
    found = Thematique.objects.filter(slug=slug).first()
    if found is None:
        raise BadRequest(_("Thématique inconnue : « %(value)s ».") % {"value": slug})
    return found


def region(code):
    found = Region.objects.filter(code=code).first()
    if found is None:
        raise BadRequest(_("Région inconnue : « %(value)s ».") % {"value": code})
    return found


def departement(code):
    found = Departement.objects.filter(code=code).first()
    if found is None:
        raise BadRequest(_("Département inconnu : « %(value)s ».") % {"value": code})
    return found


def space(pk, user):
    found = SpacePage.objects.visible_to(user).filter(pk=pk).first()
    if found is None:
        raise BadRequest(_("Démarche inconnue : « %(value)s ».") % {"value": pk})
    return found


def territory(queryset, params, region_field="region", departement_field="departement"):
    """Filters on the région and département codes given (by default the fields of a
    TerritoryMixin)."""
    if getattr(params, "region", None):
        queryset = queryset.filter(**{region_field: region(params.region)})
    if getattr(params, "departement", None):
        queryset = queryset.filter(**{departement_field: departement(params.departement)})
    return queryset


def by_thematique(queryset, params, field="thematiques"):
    if getattr(params, "thematique", None):
        queryset = queryset.filter(**{field: thematique(params.thematique)})
    return queryset


def dates(queryset, params, field):
    """date_min / date_max on a date or datetime field (compared on its date)."""
    lookup = field if _is_date_field(queryset, field) else f"{field}__date"
    if params.date_min is not None:
        queryset = queryset.filter(**{f"{lookup}__gte": params.date_min})
    if params.date_max is not None:
        queryset = queryset.filter(**{f"{lookup}__lte": params.date_max})
    if params.date_min and params.date_max and params.date_min > params.date_max:
        raise BadRequest(_("Période invalide : date_min est postérieure à date_max."))
    return queryset


def _is_date_field(queryset, field):
    return queryset.model._meta.get_field(field).get_internal_type() == "DateField"
