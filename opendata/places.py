"""What the map and its list show: upcoming events, retours d'expérience and validated
structures that the visitor may see (the same querysets as their own pages), each placed
by `opendata.geo`. A few queries whatever the number of items.

Placing thousands of items costs most of a second, so each part is kept
(`table_versions.cached`, exact: it expires when a table it read is written) and shared
by everyone it is the same for: the retours and the structures are public and do not
depend on the clock; the events everyone may see are computed once for all visitors
within a clock bucket (events leave once ended); only the events of the spaces a
visibility class sees beyond the public ones are computed per class, usually none. The
events are read as plain values, not model instances: the part that cost most."""

import heapq
import time
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from editorial.models.experience import ExperiencePage
from events.models import Event
from maillage.table_versions import cached, key
from opendata import geo
from participation.spaces.api import SpacePage, visibility_class
from structures.models import Structure
from taxonomy.models import Departement, Region

# Events leave the map once ended: the events' parts are computed again in each bucket.
EVENTS_SECONDS = 300
# The other parts only expire when a table they read is written.
PARTS_SECONDS = 24 * 3600

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


def _taxonomy():
    """({pk: Département}, {pk: Région}), each région one instance shared by its
    départements: the items refer to these instead of loading their own copies (which
    also made the cached lists long to pickle)."""
    regions = {region.pk: region for region in Region.objects.order_by()}
    departements = {}
    for departement in Departement.objects.order_by():
        departement.region = regions[departement.region_id]
        departements[departement.pk] = departement
    return departements, regions


def _event_values(events):
    """(start, pk, Item) of `events` in agenda order, read as values: one query, no model
    instance; the URL is built from one reversed pattern."""
    fields = ("pk", "title", "start_at", "commune", "departement_id")
    rows = list(events.values_list(*fields))
    if not rows:
        return []
    departements, _regions = _taxonomy()
    sentinel = 987654321987
    pattern = reverse("events:detail", args=[sentinel])
    found = []
    for pk, title, start_at, commune, departement_id in rows:
        departement = departements.get(departement_id)
        found.append(
            (
                start_at,
                pk,
                Item(
                    "evenements",
                    title,
                    pattern.replace(str(sentinel), str(pk)),
                    start_at,
                    commune,
                    "",
                    departement,
                    geo.locate(commune, departement),
                ),
            )
        )
    return found


def _upcoming(events, filters):
    events = _territory(events.listed().upcoming(), filters, "departement__region")
    if "thematique" in filters:
        events = events.filter(thematiques=filters["thematique"])
    return events


def _events(user, filters, parts):
    """Events everyone may see (kept for all), then those of the spaces only this
    visitor's visibility class sees (kept per class), merged in agenda order."""
    public_spaces = SpacePage.objects.visible_to(AnonymousUser()).values("pk")
    bucket = int(time.time() // EVENTS_SECONDS)
    shared = cached(
        key("map-events", "public", parts, bucket),
        lambda: _event_values(
            _upcoming(Event.objects.all(), filters).filter(
                Q(space__isnull=True) | Q(space__in=public_spaces)
            )
        ),
        EVENTS_SECONDS,
    )
    visibility = visibility_class(user)
    extra = []
    if visibility != "public":
        extra = cached(
            key("map-events", visibility, parts, bucket),
            lambda: _event_values(
                _upcoming(Event.objects.visible_to(user), filters)
                .filter(space__isnull=False)
                .exclude(space__in=public_spaces)
            ),
            EVENTS_SECONDS,
        )
    return [item for _start, _pk, item in heapq.merge(shared, extra, key=lambda e: e[:2])]


def _experiences(filters):
    experiences = ExperiencePage.objects.live().public()
    experiences = _territory(experiences, filters)
    if "thematique" in filters:
        experiences = experiences.filter(thematiques=filters["thematique"])
    departements, regions = _taxonomy()
    site_root_paths = Site.get_site_root_paths()
    fields = ("title", "url_path", "year", "commune", "quartier", "departement_id", "region_id")
    for title, url_path, year, commune, quartier, departement_id, region_id in experiences.order_by(
        "title"
    ).values_list(*fields):
        departement = departements.get(departement_id)
        region = regions.get(region_id)
        yield Item(
            "retours",
            title,
            _PageURL(url_path, site_root_paths).get_url(),
            year,
            commune,
            quartier,
            departement or region,
            geo.locate(commune, departement, region),
        )


class _PageURL:
    """Just what Wagtail's own `Page.url` code reads of a page (its `url_path`, and the
    site root paths it would read from the cache for every page): the same URL without
    loading a page instance, the most of the retours' cost."""

    get_url = Page.get_url
    get_url_parts = Page.get_url_parts
    _get_site_root_paths = Page._get_site_root_paths
    _get_relevant_site_root_paths = Page._get_relevant_site_root_paths

    def __init__(self, url_path, site_root_paths):
        self.url_path = url_path
        self._wagtail_cached_site_root_paths = site_root_paths


def _structures(filters):
    if "thematique" in filters:
        return
    departements, regions = _taxonomy()
    for structure in _territory(Structure.objects.validated(), filters):
        departement = departements.get(structure.departement_id)
        region = regions.get(structure.region_id)
        yield Item(
            "structures",
            structure.name,
            structure.get_absolute_url(),
            structure.get_type_display(),
            "",
            "",
            departement or region,
            geo.locate("", departement, region),
        )


def items(user, filters, kind=""):
    """The items of `kind` (all kinds when empty) for these filters (thématique, région,
    département), sorted by place then title. Structures have no thématique: a thématique
    filter leaves them out."""
    parts = {name: value.pk for name, value in filters.items()}
    found = []
    if kind in ("", "evenements"):
        found += _events(user, filters, parts)
    if kind in ("", "retours"):
        found += cached(
            key("map-retours", parts), lambda: list(_experiences(filters)), PARTS_SECONDS
        )
    if kind in ("", "structures"):
        found += cached(
            key("map-structures", parts), lambda: list(_structures(filters)), PARTS_SECONDS
        )
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
