"""The PostgreSQL backend answers a repeated search from the cache, never a stale one."""

import pytest

from search.backends import get_backend
from search.backends.base import SearchRequest

pytestmark = pytest.mark.django_db


def test_the_same_search_again_costs_no_query(make_page, django_assert_num_queries):
    make_page("Quartiers prioritaires", "La participation des habitants.")
    first = get_backend().search(SearchRequest(text="quartiers"))

    with django_assert_num_queries(0):
        again = get_backend().search(SearchRequest(text="quartiers"))

    assert [hit.title for hit in again.hits] == [hit.title for hit in first.hits]


def test_a_page_published_after_a_search_shows_in_the_same_search_at_once(make_page):
    make_page("Quartiers prioritaires")
    get_backend().search(SearchRequest(text="quartiers"))

    make_page("Quartiers d'été")

    results = get_backend().search(SearchRequest(text="quartiers"))
    assert results.total == 2


def test_members_and_visitors_do_not_share_cached_results(make_page):
    make_page("Quartiers prioritaires", slug="membres-quartiers")
    assert get_backend().search(SearchRequest(text="quartiers", principals=["members"])).total == 1

    assert get_backend().search(SearchRequest(text="quartiers")).total == 0


def test_suggestions_follow_new_titles_at_once(make_page):
    make_page("Quartiers prioritaires")
    assert len(get_backend().suggest("quart", ["public"])) == 1

    make_page("Quartiers d'été")

    assert len(get_backend().suggest("quart", ["public"])) == 2
