"""The map of events, retours d'expérience and structures: a server-rendered list (the
page's content, for keyboard and screen-reader users and when tiles or scripts do not
load) that Leaflet enhances with a map drawn from the GeoJSON of the same items."""

import json
import time

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from content.listing import paginate
from maillage.table_versions import cached, key
from opendata import places
from opendata.forms import MapFilterForm
from participation.spaces.api import visibility_class

PER_PAGE = 30
# The items are kept by parts in `places` (shared by every visibility class where they are
# public); the list and the GeoJSON text built from them are kept per visibility class
# until a table they read changes, and for one clock bucket of events, which leave once
# ended.
ITEMS_SECONDS = places.EVENTS_SECONDS


def _query(request):
    """The filter form, and what it asks: (filters, kind, the parts of the cache keys),
    None when a filter is invalid."""
    form = MapFilterForm(request.GET)
    filters = form.filters()
    if filters is None:
        return form, None
    kind = filters.pop("type", "")
    parts = (
        visibility_class(request.user),
        kind,
        {name: value.pk for name, value in filters.items()},
        int(time.time() // ITEMS_SECONDS),
    )
    return form, (filters, kind, parts)


def _items(request, query):
    filters, kind, _parts = query
    return places.items(request.user, filters, kind)


def map_page(request):
    form, query = _query(request)

    def listing():
        items = _items(request, query) if query else []
        return {"page_obj": paginate(request, items, per_page=PER_PAGE)[0]}

    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "form": form,
        "filter_form": form,
        "query_string": params.urlencode(),
        # Read while rendering the list, a fragment cached as long as the items are.
        "listing": SimpleLazyObject(listing),
        "items_key": key("map-list", *query[2]) if query else "",
        "invalid": query is None,
        "geojson_url": reverse("opendata:map_geojson")
        + (f"?{params.urlencode()}" if params else ""),
        "tiles_url": settings.MAP_TILES_URL,
        "tiles_attribution": settings.MAP_TILES_ATTRIBUTION,
    }
    return render(request, "opendata/map.html", context, status=400 if query is None else 200)


def map_geojson(request):
    form, query = _query(request)
    if query is None:
        errors = [str(error) for errors in form.errors.values() for error in errors]
        return JsonResponse({"erreurs": errors}, status=400)
    # The JSON text itself is kept: serialising thousands of places costs more than reading it.
    text = cached(
        key("map-geojson", *query[2]),
        lambda: json.dumps(
            places.geojson(_items(request, query)), cls=DjangoJSONEncoder, ensure_ascii=False
        ),
        ITEMS_SECONDS,
    )
    return HttpResponse(text, content_type="application/geo+json")
