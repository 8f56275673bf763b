"""The PostgreSQL backend answers a repeated search from the cache, never a stale one."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import HomePage
from search import indexing
from search.backends import get_backend
from search.backends.base import SearchRequest

pytestmark = pytest.mark.django_db


def test_the_same_search_again_costs_no_query(make_page, django_assert_num_queries):
    """The first computes it under a lock that the same search waits for elsewhere."""
    make_page("Quartiers prioritaires", "La participation des habitants.")
    with CaptureQueriesContext(connection) as queries:
        first = get_backend().search(SearchRequest(text="quartiers"))
    assert sum("pg_advisory_xact_lock" in q["sql"] for q in queries) == 1

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


def test_an_object_indexed_again_unchanged_writes_nothing_and_keeps_the_cached_search(
    make_page, django_assert_num_queries
):
    """A vote or an activity row re-indexes its proposal as it was: no write to the index,
    so no cached search expires; a real change still shows at once."""
    page = make_page("Quartiers prioritaires", "sentinelle-7f3a9c")
    get_backend().search(SearchRequest(text="quartiers"))

    with CaptureQueriesContext(connection) as queries:
        indexing.update([page])
    with django_assert_num_queries(0):
        get_backend().search(SearchRequest(text="quartiers"))

    assert not [q for q in queries if q["sql"].startswith(("INSERT", "UPDATE", "DELETE"))]
    HomePage.objects.filter(pk=page.pk).update(introduction="Renouvellement urbain")
    indexing.update([page])
    assert get_backend().search(SearchRequest(text="renouvellement")).total == 1


def test_members_who_see_the_same_entries_share_one_search_and_a_group_sees_its_own(
    make_page, django_assert_num_queries
):
    """Two members with no token of their own in the index share the cached search (one
    query: which of their tokens some entry carries); a group's private page, indexed
    later, is found by its member at once and by nobody else."""
    make_page("Quartiers prioritaires")
    claire = ["public", "members", "user:101", "group:7"]
    youssef = ["public", "members", "user:102"]
    first = get_backend().search(SearchRequest(text="quartiers", principals=claire))

    with django_assert_num_queries(1):
        shared = get_backend().search(SearchRequest(text="quartiers", principals=youssef))
    assert shared.total == first.total == 1

    group = Group.objects.create(name="prive-quartiers")
    make_page("Quartiers du groupe", slug="prive-quartiers")
    in_group = ["public", "members", "user:101", f"group:{group.pk}"]
    assert get_backend().search(SearchRequest(text="quartiers", principals=in_group)).total == 2
    assert get_backend().search(SearchRequest(text="quartiers", principals=youssef)).total == 1
    assert len(get_backend().suggest("quart", in_group)) == 2
    assert len(get_backend().suggest("quart", youssef)) == 1
