"""Wagtail's page routing without a query once warm: the site, the chain of pages for a
path and the page served come from the exact cache.

Wagtail's `serve` finds the site (one query), then walks the tree from the site's root
page: the root's specific form, then for each path component the child with that slug and
its specific form, two queries a level. `serve` below resolves the same walk from
`cached` values, invalidated whenever `wagtailcore_page` or `wagtailcore_site` is
written (the page served, also when its own table is: each request gets its own copy),
then hands over to Wagtail's own `serve` (hooks, view restrictions, `serve()`)
with the route already found, which Wagtail reads from `request._wagtail_route_for_request`.

The walk is Wagtail's `Page.route`, step for step: a page whose class overrides `route`
(a `RoutablePageMixin` page, a survey checking who may see it) is given the rest of the
path, as Wagtail would; otherwise the child with the next slug, a 404 if none, and at the
end of the path the page itself if it is live. Whatever this module does not reproduce
exactly (translations enabled, two children with one slug) is left to Wagtail's walk.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404
from django.http.request import split_domain_port
from django.urls import re_path
from wagtail import urls as wagtail_urls
from wagtail import views
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname
from wagtail.url_routing import RouteResult

from maillage.table_versions import cached, key

TIMEOUT = 24 * 60 * 60
# Wagtail's own walk is needed (two children share a slug: Wagtail's `get` raises).
AMBIGUOUS = "ambiguous"


def find_site(request):
    """`Site.find_for_request`, the site and its root page read from the exact cache."""
    if not hasattr(request, "_wagtail_site"):
        hostname = split_domain_port(request._get_raw_host())[0]
        port = request.get_port()
        request._wagtail_site = cached(
            key("routing:site", hostname, port),
            lambda: site_for_hostname(hostname, port),
            TIMEOUT,
        )
    return request._wagtail_site


def site_for_hostname(hostname, port):
    try:
        return get_site_for_hostname(hostname, port)
    except Site.DoesNotExist:
        return None


def page_chain(root, components):
    """The pages a walk from `root` down `components` meets, as (id, content type id,
    live), root first: as far as a child with the next slug exists, then AMBIGUOUS if
    several do. One query for the whole path."""
    chain = [(root.pk, root.content_type_id, root.live)]
    if not components:
        return chain
    levels = Q()
    for depth, slug in enumerate(components, start=root.depth + 1):
        levels |= Q(depth=depth, slug=slug)
    rows = list(
        Page.objects.filter(levels, path__startswith=root.path).values_list(
            "pk", "content_type_id", "live", "path", "depth", "slug"
        )
    )
    parent_path = root.path
    for depth, slug in enumerate(components, start=root.depth + 1):
        children = [
            row
            for row in rows
            if row[4] == depth and row[5] == slug and row[3].startswith(parent_path)
        ]
        if not children:
            break
        if len(children) > 1:
            chain.append(AMBIGUOUS)
            break
        chain.append(children[0][:3])
        parent_path = children[0][3]
    return chain


def route(request, path):
    """Wagtail's `route_for_request` result for `path`, or AMBIGUOUS when only Wagtail's
    own walk can tell. Raises Http404 as `Page.route` does."""
    site = find_site(request)
    if site is None:
        return None
    root = site.root_page
    components = [component for component in path.split("/") if component]
    chain = cached(
        key("routing:pages", site.pk, components),
        lambda: page_chain(root, components),
        TIMEOUT,
    )
    for index, step in enumerate(chain):
        if step == AMBIGUOUS:
            return AMBIGUOUS
        page_id, content_type_id, live = step
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            return AMBIGUOUS
        own_route = own_route_for(model, live, components[index:])
        if own_route or index == len(components):
            page = cached(
                key("routing:page", page_id, content_type_id),
                lambda model=model, page_id=page_id: model._default_manager.get(pk=page_id),
                TIMEOUT,
            )
            if own_route:
                return page.route(request, components[index:])
            if page.live:
                return RouteResult(page)
            raise Http404
    # A component matched no child.
    raise Http404


def own_route_for(model, live, components):
    """Whether the walk must hand `components` to the page's own `route`. The mixin's
    `route` serves a sub-route of a live page and otherwise walks on as `Page.route`: its
    sub-routes are known from the class, so only a page serving one is read."""
    if model.route is Page.route:
        return False
    if model.route is RoutablePageMixin.route:
        if not live:
            return False
        try:
            model.get_resolver().resolve("/" + "".join(f"{c}/" for c in components))
        except Http404:
            return False
    return True


def serve(request, path):
    """Wagtail's `serve`, the route found by `route` when it can."""
    if not getattr(settings, "WAGTAIL_I18N_ENABLED", False) and not hasattr(
        request, "_wagtail_route_for_request"
    ):
        try:
            found = route(request, path)
        except Http404:
            found = None
        if found is not AMBIGUOUS:
            request._wagtail_route_for_request = found
    return views.serve(request, path)


# Wagtail's URLs, its page serving through `serve` above.
urlpatterns = [
    *wagtail_urls.urlpatterns[:-1],
    re_path(wagtail_urls.serve_pattern, serve, name="wagtail_serve"),
]
