"""Pagination shared by the listings (editorial indexes, library, directory, agenda)."""

import functools

from django.core.paginator import Paginator
from django.utils.functional import SimpleLazyObject

from maillage import table_versions

PER_PAGE = 12


def paginate(request, items, per_page=PER_PAGE):
    """The requested page of `items` and the query string that keeps the filters."""
    page_obj = Paginator(items, per_page).get_page(request.GET.get("page"))
    return page_obj, query_string(request)


def lazy_paginate(request, items, per_page=PER_PAGE, then=None):
    """`paginate` for a queryset, plus a key naming the page: the query's SQL and
    parameters, the page size and the page asked for. The page (its count, its rows) is
    read only when a template first uses it, inside an `{% exactcache ... results_key %}`
    fragment of the results: a cached list asks the database nothing, and a fragment
    being rendered notes every table the page reads, so nothing may use the page before
    the fragment does. `then(page)`, when given, completes the rows once read."""
    page_obj = SimpleLazyObject(lambda: read_page(request, items, per_page, then))
    return page_obj, query_string(request), results_key(request, items, per_page)


def read_page(request, items, per_page=PER_PAGE, then=None):
    page = Paginator(items, per_page).get_page(request.GET.get("page"))
    if then is not None:
        then(page)
    return page


def results_key(request, items, per_page=PER_PAGE):
    sql, params = items.query.sql_with_params()
    return table_versions.key(
        "page", sql, [repr(param) for param in params], per_page, request.GET.get("page")
    )


def lazy_listing(request, filtered, per_page=PER_PAGE):
    """The context of a filtered listing page (`filter_form`, `page_obj`, `query_string`,
    `results_key`) with nothing built until a template uses it, so that a page whose
    listing is a cached fragment (keyed by the request's path and query string) builds no
    filters, compiles no SQL and reads nothing: `filtered()` returns the bound filter form
    and the queryset of the rows, called once, on the first use. `filter_form` and
    `results_key` are callables, which templates call when they resolve them; `page_obj`
    is a lazy page, as `lazy_paginate`'s."""
    build = functools.cache(filtered)
    return {
        "filter_form": lambda: build()[0],
        "page_obj": SimpleLazyObject(lambda: read_page(request, build()[1], per_page)),
        "query_string": query_string(request),
        "results_key": lambda: results_key(request, build()[1], per_page),
    }


def query_string(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


class ReadOnce:
    """Data several fragments of one page show (`{% exactcache %}`), read on the first
    miss only and shared by the others: `compute()` returns a dict, read under
    `table_versions.recording()`, and every later lookup notes the tables it was read
    from, so that each fragment that shows the data expires with it even when another
    fragment read it."""

    def __init__(self, compute):
        self._compute = compute
        self._value = None
        self._tables = {}

    def __getitem__(self, name):
        if self._value is None:
            with table_versions.recording() as tables:
                self._value = self._compute()
            self._tables = dict(tables)
        else:
            table_versions.note(self._tables)
        return self._value[name]
