"""Page routing from the exact cache (`content.routing`) finds what Wagtail's own walk
finds, for every page of the demo, sub-routes and 404s included, asks no query for the
site, the tree or the page served once warm, and follows a page moved, renamed or
unpublished at once."""

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.http import Http404
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from content import routing
from home.models import HomePage
from tests.factories import NewsIndexPageFactory, NewsPageFactory


def request_for(path, user=None):
    request = RequestFactory().get(path)
    request.user = user or AnonymousUser()
    return request


def wagtail_route(path):
    """What Wagtail's own walk finds: (page id, class, args, kwargs), or None for a 404."""
    request = request_for(path)
    site = Site.find_for_request(request)
    try:
        found = site.root_page.specific.route(request, [c for c in path.split("/") if c])
    except Http404:
        return None
    return outcome(found)


def outcome(found):
    """A route's page and arguments, a sub-route's view named by its function."""
    args = tuple(getattr(arg, "__func__", arg) for arg in found.args)
    return found.page.pk, type(found.page), args, found.kwargs


def cached_route(path):
    try:
        found = routing.route(request_for(path), path)
    except Http404:
        return None
    assert found is not routing.AMBIGUOUS
    return outcome(found)


def test_every_demo_page_and_sub_route_resolves_as_wagtail_does(demo, db):
    root = Site.objects.get(is_default_site=True).root_page
    paths = ["/", "/page-inconnue-7f3a9c/"]
    for page in Page.objects.descendant_of(root).specific():
        path = page.url_path[len(root.url_path) - 1 :]
        paths.append(path)
        if hasattr(page, "resolve_subpage"):
            paths += [path + "flux/", path + "flux/rss/", path + "resultats/", path + "x-7f3a9c/"]

    found = {path: cached_route(path) for path in paths}

    assert found == {path: wagtail_route(path) for path in paths}
    assert sum(value is not None for value in found.values()) > 20


def test_pages_sub_routes_and_404s_are_served_as_before(client, db):
    index = NewsIndexPageFactory(parent=HomePage.objects.get())
    news = NewsPageFactory(parent=index, title="Actualité sentinelle-4c2e", slug="sentinelle")

    page = client.get("/actualites/sentinelle/")
    feed = client.get("/actualites/flux/rss/")

    assert page.status_code == 200 and "sentinelle-4c2e" in page.content.decode()
    assert feed.status_code == 200 and "sentinelle-4c2e" in feed.content.decode()
    assert client.get("/actualites/flux/inconnu/").status_code == 404
    assert client.get("/actualites/inconnue/").status_code == 404
    assert client.get("/actualites/sentinelle/plus-loin/").status_code == 404
    assert client.get("/actualites/sentinelle").status_code == 301

    news.unpublish()
    assert client.get("/actualites/sentinelle/").status_code == 404


def test_a_view_restricted_page_still_asks_for_login(client, member_client, db):
    news = NewsPageFactory(title="Actualité réservée-9b1d", slug="reservee")
    PageViewRestriction.objects.create(page=news, restriction_type=PageViewRestriction.LOGIN)

    outsider = client.get("/reservee/")

    assert outsider.status_code == 302 and "/reservee/" in outsider["Location"]
    assert "réservée-9b1d" in member_client.get("/reservee/").content.decode()


def test_warm_routing_reads_nothing_and_follows_moves_and_renames(member_client, db):
    index = NewsIndexPageFactory(parent=HomePage.objects.get())
    news = NewsPageFactory(parent=index, title="Actualité sentinelle-6a8f", slug="avant")
    member_client.get("/actualites/avant/")

    with CaptureQueriesContext(connection) as queries:
        request = request_for("/actualites/avant/")
        found = routing.route(request, "/actualites/avant/")
    warm = [query["sql"] for query in queries.captured_queries]
    renamed = Page.objects.get(pk=news.pk)
    renamed.slug = "apres"
    renamed.title = "Actualité renommée-2c7b"
    renamed.save()
    moved_away = member_client.get("/actualites/avant/")
    at_new_address = member_client.get("/actualites/apres/")
    renamed.move(HomePage.objects.get(), pos="last-child")
    after_move = member_client.get("/apres/")

    assert found.page.pk == news.pk and isinstance(found.page, type(news)) and warm == []
    assert moved_away.status_code == 404
    assert "renommée-2c7b" in at_new_address.content.decode()
    assert "renommée-2c7b" in after_move.content.decode()
    # The redirect Wagtail records for a moved page.
    assert member_client.get("/actualites/apres/")["Location"] == "/apres/"
