import re

from django.shortcuts import render
from django.views.decorators.http import require_GET

from search import service
from search.forms import SearchForm

BOX_ID = re.compile(r"^[\w-]{1,40}$")


@require_GET
def search(request):
    form = SearchForm(request.GET)
    params = form.search_params()
    query = request.GET.copy()
    query.pop("page", None)
    result = service.search(request.user, params, query)
    sort_query = query.copy()
    sort_query.pop("sort", None)
    return render(
        request,
        "search/search.html",
        {
            "form": form,
            "params": params,
            "result": result,
            "page_obj": result.page_obj,
            "query_string": query.urlencode(),
            "sort_query": sort_query.urlencode(),
            "has_filters": any(params["filters"].values()),
            "active_filters": sum(len(values) for values in params["filters"].values()),
        },
    )


@require_GET
def suggest(request):
    """The suggestions list of the search box that asked (htmx names it in HX-Trigger)."""
    text = request.GET.get("q", "")[:200]
    suggestions = service.suggest(request.user, text) if len(text.strip()) >= 2 else []
    box_id = request.htmx.trigger if request.htmx else ""
    return render(
        request,
        "search/includes/suggestions.html",
        {
            "suggestions": suggestions,
            "text": text,
            "box_id": box_id if box_id and BOX_ID.match(box_id) else "q",
        },
    )
