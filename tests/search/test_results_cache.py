"""The PostgreSQL backend answers a repeated search from the cache, never a stale one."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import HomePage
from search import indexing
from search.backends import get_backend
from search.backends.base import SearchRequest
from search.registry import Audience, SearchDocument

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


@pytest.fixture
def write(db):
    """Index documents (or remove them, given None) straight through the backend."""
    content_type_id = ContentType.objects.get(app_label="members", model="profile").pk

    def write(pk, title=None, body="", *, audience=Audience.PUBLIC, groups=(), kind="page"):
        if title is None:
            get_backend().remove([(content_type_id, pk)])
            return
        document = SearchDocument(
            title=title,
            body=body,
            url=f"/document/{pk}/",
            date=datetime.datetime(2026, 3, pk, tzinfo=datetime.UTC),
            audience=audience,
            allowed_group_ids=list(groups),
            kind=kind,
            content_type_id=content_type_id,
            object_id=pk,
        )
        get_backend().index([document])

    return write


def searched(text="quartiers", **request):
    """The search's results, whether it was served from the cache (no ranking statement:
    each computation ranks under an advisory lock) and its number of queries."""
    with CaptureQueriesContext(connection) as queries:
        results = get_backend().search(SearchRequest(text=text, **request))
    computed = any("pg_advisory_xact_lock" in q["sql"] for q in queries)
    return results, not computed, len(queries)


def titles(results):
    return sorted(hit.title for hit in results.hits)


def test_a_new_document_the_search_does_not_find_keeps_it_cached_and_one_it_finds_shows(write):
    """Comments come forty a minute: one that a cached search does not find leaves its
    results, counts and facets exact, checked with one query on the rows written since."""
    write(1, "Quartiers prioritaires", "sentinelle-7f3a9c")
    first, _hit, _count = searched()
    filtered = searched(filters={"kind": ("page",), "year": ("2026",)})[0]

    write(2, "Jardins partagés", "sentinelle-7f3a9c")
    again, hit, count = searched()
    assert (hit, count) == (True, 1)
    assert (again.total, titles(again), again.facets) == (first.total, titles(first), first.facets)
    assert searched()[1:] == (True, 0)  # checked once: free until the next write

    write(3, "Quartiers d'été", kind="commentaire")
    found, hit, _count = searched()
    assert (hit, titles(found)) == (False, ["Quartiers d'été", "Quartiers prioritaires"])
    # Each facet counts what passes the other filters: a comment changes the kind facet.
    assert searched(filters={"kind": ("page",), "year": ("2026",)})[1] is False
    assert filtered.total == 1


def test_an_edit_a_deletion_or_a_visibility_change_shows_at_once(write):
    """Only new rows are checked: any entry updated or deleted expires cached searches."""
    write(1, "Quartiers prioritaires")
    write(2, "Quartiers d'été")
    write(3, "Jardins partagés")
    write(4, "Quartiers du Nord")
    searched()

    write(3, "Jardins du monde")  # an edit of a document the search does not find
    assert searched()[1] is False

    write(1, "Renouvellement urbain")
    assert titles(searched()[0]) == ["Quartiers d'été", "Quartiers du Nord"]

    write(2)
    assert titles(searched()[0]) == ["Quartiers du Nord"]

    write(4, "Quartiers du Nord", audience=Audience.MEMBERS)
    assert searched()[0].total == 0
    assert searched(principals=["public", "members"])[0].total == 1


def test_new_private_documents_never_show_to_another_visibility_class(write):
    """A members' document, new and found by the words searched: the visitors' cached
    search is kept (they may not see it), the members' one shows it at once; the same for
    a group's document."""
    write(1, "Quartiers prioritaires")
    searched()
    members = ["public", "members"]
    searched(principals=members)

    write(2, "Quartiers du réseau", audience=Audience.MEMBERS)
    visitors, hit, _count = searched()
    assert (hit, titles(visitors)) == (True, ["Quartiers prioritaires"])
    found, hit, _count = searched(principals=members)
    assert (hit, found.total) == (False, 2)

    write(3, "Quartiers du groupe", audience=Audience.RESTRICTED, groups=[7])
    assert searched(principals=members)[:2] == (found, True)
    assert searched(principals=[*members, "group:7"])[0].total == 3
    assert get_backend().suggest("quart", ["public"])[0].title == "Quartiers prioritaires"
    assert len(get_backend().suggest("quart", [*members, "group:7"])) == 3


def test_suggestions_stay_cached_after_a_new_title_they_do_not_show(write):
    write(1, "Quartiers prioritaires")
    get_backend().suggest("quart", ["public"])

    write(2, "Sur « Quartiers prioritaires »", kind="commentaire")  # never suggested
    with CaptureQueriesContext(connection) as queries:
        assert len(get_backend().suggest("quart", ["public"])) == 1
    assert len(queries) == 1

    write(3, "Quartiers d'été")
    assert len(get_backend().suggest("quart", ["public"])) == 2


def test_the_index_logs_updates_and_deletions_never_new_rows(write):
    """Migration 0006's triggers: what `IndexMark` reads to tell new rows from edits."""

    def logged():
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_searchedit")
            return cursor.fetchone()[0]

    before = logged()
    write(1, "Quartiers prioritaires")
    write(2, "Jardins partagés")
    assert logged() == before
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM search_searchmatch WHERE tx IS NULL")
        assert cursor.fetchone()[0] == 0
    write(1, "Quartiers prioritaires")  # unchanged: nothing written
    assert logged() == before
    write(1, "Quartiers d'été")
    assert logged() == before + 2  # the entry, then its match row
    write(1)
    assert logged() == before + 4


@pytest.mark.django_db(transaction=True)
def test_across_committed_transactions_the_check_reads_the_snapshot(write):
    """Out of a test's transaction: each write commits, and the cached search's snapshot
    tells the rows committed since from those it read."""
    write(1, "Quartiers prioritaires")
    assert searched()[0].total == 1

    write(2, "Jardins partagés")
    assert searched()[1:] == (True, 1)
    write(3, "Quartiers d'été")
    assert searched()[0].total == 2
    write(2, "Jardins du monde")
    assert searched()[1] is False
