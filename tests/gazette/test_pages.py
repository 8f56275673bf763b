"""The archive of past issues, its feed, and an issue's web version."""

import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    EventFactory,
    GazetteIssuePageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
)

pytestmark = pytest.mark.django_db


def test_archive_lists_published_issues_in_constant_queries(
    client, gazette_index, django_assert_max_num_queries
):
    def issues(count):
        for _ in range(count):
            GazetteIssuePageFactory(parent=gazette_index)
        client.get("/gazette/")  # warm the caches that every page shares
        with django_assert_max_num_queries(12) as queries:
            response = client.get("/gazette/")
        assert response.status_code == 200
        return len(queries), response.text

    few, _page = issues(2)
    many, page = issues(4)
    assert few == many
    assert "6 numéros parus" in page
    assert 'href="/gazette/flux/"' in page
    assert client.get("/gazette/?page=x").status_code == 200
    assert client.get("/gazette/?page=99").status_code == 200


def test_draft_issues_stay_out_of_the_archive_and_feed(client, gazette_index):
    published = GazetteIssuePageFactory(parent=gazette_index, title="Numéro sentinelle-4d2e9b")
    draft = GazetteIssuePageFactory(parent=gazette_index, title="Brouillon sentinelle-8c1f70")
    draft.unpublish()

    archive = client.get("/gazette/").text
    feed = client.get("/gazette/flux/")
    assert "sentinelle-4d2e9b" in archive and "sentinelle-8c1f70" not in archive
    assert feed["Content-Type"].startswith("application/rss+xml")
    assert "sentinelle-4d2e9b" in feed.text and "sentinelle-8c1f70" not in feed.text
    assert client.get(published.url).status_code == 200
    assert client.get(draft.url).status_code == 404


def test_an_issue_page_costs_the_same_queries_with_more_cards(client, gazette_index):
    news_index = NewsIndexPageFactory()

    def queries_with(news_count):
        news = [NewsPageFactory(parent=news_index) for _ in range(news_count)]
        EventFactory()
        body = [
            {"type": "actualites", "value": {"heading": "", "items": [n.pk for n in news]}},
            {"type": "vos_thematiques", "value": {"heading": ""}},
            {"type": "votre_region", "value": {"heading": ""}},
        ]
        issue = GazetteIssuePageFactory(parent=gazette_index, body=json.dumps(body))
        client.get(issue.url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(issue.url)
        assert response.status_code == 200
        assert news[-1].title in response.text
        return len(queries)

    assert queries_with(1) == queries_with(3)


def test_an_issue_page_is_served_again_until_its_cards_or_body_change(client, gazette_index):
    """The web version is cached for everyone (it shows the generic reader), and expires
    when a chosen card's content, a novelty or the issue's body changes."""
    news_index = NewsIndexPageFactory()
    news = NewsPageFactory(parent=news_index, title="Actualité sentinelle-3b7e21")
    body = [
        {"type": "actualites", "value": {"heading": "", "items": [news.pk]}},
        {"type": "vos_thematiques", "value": {"heading": ""}},
    ]
    issue = GazetteIssuePageFactory(parent=gazette_index, body=json.dumps(body))
    with CaptureQueriesContext(connection) as first:
        assert "sentinelle-3b7e21" in client.get(issue.url).text
    with CaptureQueriesContext(connection) as again:
        assert "sentinelle-3b7e21" in client.get(issue.url).text
    assert len(again) < len(first)

    news.title = "Actualité sentinelle-9d04c2"
    news.save_revision().publish()
    page = client.get(issue.url).text
    assert "sentinelle-9d04c2" in page and ">Actualité sentinelle-3b7e21<" not in page

    NewsPageFactory(parent=news_index, title="Nouveauté sentinelle-51ab7e")
    assert "sentinelle-51ab7e" in client.get(issue.url).text

    issue.body = json.dumps([{"type": "texte", "value": "<p>Édito sentinelle-c28d13</p>"}])
    issue.save_revision().publish()
    page = client.get(issue.url).text
    assert "sentinelle-c28d13" in page and "sentinelle-9d04c2" not in page
