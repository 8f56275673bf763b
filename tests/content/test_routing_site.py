"""Wagtail's site of each page comes from the exact cache (content/routing.py): no query for
it once cached, and an edit to the site or its home page shows at the next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

pytestmark = pytest.mark.django_db


def test_the_site_and_its_home_page_are_cached_until_one_of_them_is_written(client):
    client.get("/")
    with CaptureQueriesContext(connection) as queries:
        client.get("/")
    home = Site.objects.get(is_default_site=True).root_page
    Page.objects.filter(pk=home.pk).update(seo_title="Accueil sentinelle-1d9b")
    retitled = client.get("/").text
    Site.objects.filter(pk=home.sites_rooted_here.get().pk).update(is_default_site=False)
    without_a_site = client.get("/")

    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert '"wagtailcore_site"' not in read
    assert "<title>Accueil sentinelle-1d9b · Maillage</title>" in retitled
    assert without_a_site.status_code == 404
