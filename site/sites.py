"""Wagtail's site for each request, from the exact cache (`maillage.table_versions`).

Wagtail finds the site of every page it serves with a query on its sites, then loads the
root page's specific object to route from it: two queries on every page, for rows that
change when an editor edits the sites or publishes. This middleware hands Wagtail the
site (its root page's specific object included) kept in the exact cache under the
hostname and port, served again while no table it was read from has been written."""

from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.views import serve

from maillage import table_versions

# Exact: the timeout only frees memory.
CACHE_SECONDS = 60 * 60


def site_for(request):
    """What `Site.find_for_request` finds, with the root page's specific object loaded.
    The host was checked against ALLOWED_HOSTS by CommonMiddleware first, so the keys
    are as few as the allowed hosts."""
    hostname = split_domain_port(request._get_raw_host())[0]
    port = request.get_port()

    def compute():
        site = Site._find_for_request(request)
        if site is not None:
            site.root_page.localized.specific  # noqa: B018 -- loaded into the cached copy
        return site

    return table_versions.cached(
        table_versions.key("wagtail-site", hostname, port), compute, CACHE_SECONDS
    )


class CachedSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is serve and not hasattr(request, "_wagtail_site"):
            request._wagtail_site = site_for(request)
