"""Pagination shared by the listings (editorial indexes, library, directory, agenda)."""

from django.core.paginator import Paginator

PER_PAGE = 12


def paginate(request, items, per_page=PER_PAGE):
    """The requested page of `items` and the query string that keeps the filters."""
    page_obj = Paginator(items, per_page).get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    return page_obj, params.urlencode()
