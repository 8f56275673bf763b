"""What the map and its list show: upcoming events, retours d'expérience and validated
structures that the visitor may see (the same querysets as their own pages), each placed
by `opendata.geo`. Three queries (and their prefetches) whatever the number of items."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from editorial.models.experience import ExperiencePage
from events.models import Event
from opendata import geo
from structures.models import Structure

KIND_LABELS = {
    "evenements": _("Événement"),
    "retours": _("Retour d’expérience"),
    "structures": _("Structure"),
}


@dataclass
class Item:
    kind: str
    title: str
    url: str
    detail: str  # date, structure type or year
    commune: str
    quartier: str
    territory: object  # the département or the région, or None
    position: object  # geo.Position or None

    @property
    def kind_label(self):
        return KIND_LABELS[self.kind]


def _territory(queryset, filters, region_field="region", departement_field="departement"):
    if "departement" in filters:
        queryset = queryset.filter(**{departement_field: filters["departement"]})
    if "region" in filters:
        queryset = queryset.filter(**{region_field: filters["region"]})
    return queryset


def _events(user, filters):
    events = Event.objects.visible_to(user).listed().upcoming()
    events = _territory(events, filters, region_field="departement__region")
    if "thematique" in filters:
        events = events.filter(thematiques=filters["thematique"])
    for event in events.select_related("departement__region"):
        yield Item(
            "evenements",
            event.title,
            event.get_absolute_url(),
            event.start_at,
            event.commune,
            "",
            event.departement,
            geo.locate(event.commune, event.departement),
        )


def _experiences(filters):
    experiences = ExperiencePage.objects.live().public()
    experiences = _territory(experiences, filters)
    if "thematique" in filters:
        experiences = experiences.filter(thematiques=filters["thematique"])
    experiences = experiences.select_related("region", "departement__region").order_by("title")
    for page in experiences:
        yield Item(
            "retours",
            page.title,
            page.url,
            page.year,
            page.commune,
            page.quartier,
            page.departement or page.region,
            geo.locate(page.commune, page.departement, page.region),
        )


def _structures(filters):
    if "thematique" in filters:
        return
    structures = _territory(Structure.objects.validated(), filters)
    for structure in structures.select_related("region", "departement__region"):
        yield Item(
            "structures",
            structure.name,
            structure.get_absolute_url(),
            structure.get_type_display(),
            "",
            "",
            structure.departement or structure.region,
            geo.locate("", structure.departement, structure.region),
        )


def items(user, filters, kind=""):
    """The items of `kind` (all kinds when empty) for these filters (thématique, région,
    département), sorted by place then title. Structures have no thématique: a thématique
    filter leaves them out."""
    found = []
    if kind in ("", "evenements"):
        found += _events(user, filters)
    if kind in ("", "retours"):
        found += _experiences(filters)
    if kind in ("", "structures"):
        found += _structures(filters)
    return sorted(found, key=_sort_key)


def _sort_key(item):
    territory = str(item.territory) if item.territory else "\uffff"
    return (territory, item.commune.lower(), item.title.lower())


def geojson(found):
    """A GeoJSON FeatureCollection with one point per place, listing its items; items
    with no place at all are left out (the list shows them)."""
    places = {}
    for item in found:
        if item.position is None:
            continue
        key = (item.position.latitude, item.position.longitude)
        feature = places.setdefault(
            key,
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": [key[1], key[0]]},
                "properties": {
                    "lieu": item.position.place,
                    "precision": item.position.precision,
                    "elements": [],
                },
            },
        )
        feature["properties"]["elements"].append(
            {"type": str(item.kind_label), "titre": item.title, "url": item.url}
        )
    return {"type": "FeatureCollection", "features": list(places.values())}
