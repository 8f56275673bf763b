"""The map of events, retours d'expérience and structures: a server-rendered list (the
page's content, for keyboard and screen-reader users and when tiles or scripts do not
load) that Leaflet enhances with a map drawn from the GeoJSON of the same items."""

import time

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse

from content.listing import paginate
from maillage.table_versions import cached, key
from opendata import places
from opendata.forms import MapFilterForm
from participation.spaces.api import visibility_class

PER_PAGE = 30
# Placing every item costs most of a second at network scale (thousands of events and
# retours): the list is computed once for all who see the same spaces and kept until a
# table it read changes; the clock bucket lets events leave once started.
ITEMS_SECONDS = 300


def _found(request):
    form = MapFilterForm(request.GET)
    filters = form.filters()
    if filters is None:
        return form, None
    kind = filters.pop("type", "")
    cache_key = key(
        "map-items",
        visibility_class(request.user),
        kind,
        {name: value.pk for name, value in filters.items()},
        int(time.time() // ITEMS_SECONDS),
    )
    found = cached(cache_key, lambda: places.items(request.user, filters, kind), ITEMS_SECONDS)
    return form, found


def map_page(request):
    form, found = _found(request)
    page_obj, query_string = paginate(request, found or [], per_page=PER_PAGE)
    params = request.GET.copy()
    params.pop("page", None)
    context = {
        "form": form,
        "filter_form": form,
        "page_obj": page_obj,
        "query_string": query_string,
        "invalid": found is None,
        "geojson_url": reverse("opendata:map_geojson")
        + (f"?{params.urlencode()}" if params else ""),
        "tiles_url": settings.MAP_TILES_URL,
        "tiles_attribution": settings.MAP_TILES_ATTRIBUTION,
    }
    return render(request, "opendata/map.html", context, status=400 if found is None else 200)


def map_geojson(request):
    form, found = _found(request)
    if found is None:
        errors = [str(error) for errors in form.errors.values() for error in errors]
        return JsonResponse({"erreurs": errors}, status=400)
    response = JsonResponse(places.geojson(found), json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/geo+json"
    return response
