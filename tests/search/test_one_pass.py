"""The PostgreSQL backend's single statement (total, facets and page ids in one scan) gives
what one query per figure gives: the same total, the same facet counts (each facet under the
other facets' filters only), the same pages in the same order, for every visibility."""

import datetime

import pytest
from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import F

from search.backends.base import SearchRequest
from search.backends.postgres import RECENCY_BOOST, PostgresBackend
from search.models import TS_CONFIG, SearchMatch
from search.registry import Audience, SearchDocument

WORD = "sentinelle"
KINDS = ("page", "proposition", "commentaire")
THEMATIQUES = ("sante", "emploi", "logement")
TERRITORIES = (["departement:91", "region:11"], ["departement:13", "region:93"], [])


@pytest.fixture
def entries(db):
    content_type_id = ContentType.objects.get(app_label="members", model="profile").pk
    start = datetime.datetime(2024, 3, 1, tzinfo=datetime.UTC)
    documents = []
    for pk in range(1, 61):
        documents.append(
            SearchDocument(
                title=f"{WORD} {pk}" if pk % 4 == 0 else f"Fiche {pk}",
                body=" ".join([WORD] * (pk % 5)) + f" quartier {pk}",
                url=f"/fiche/{pk}/",
                # Every ninth without a date (no year), the others over three years.
                date=None if pk % 9 == 0 else start - datetime.timedelta(days=17 * pk),
                thematiques=list(THEMATIQUES[: pk % 4]),
                territories=TERRITORIES[pk % 3],
                audience=(Audience.PUBLIC, Audience.PUBLIC, Audience.MEMBERS)[pk % 3],
                kind=KINDS[pk % 3 if pk % 7 else 1],
                content_type_id=content_type_id,
                object_id=pk,
            )
        )
    PostgresBackend().index(documents)


def expected(request: SearchRequest):
    """The same search as one ORM query per figure."""
    visible = SearchMatch.objects.all()
    if request.principals is not None:
        visible = visible.filter(principals__overlap=request.principals)
    query = None
    if request.text:
        query = SearchQuery(request.text, search_type="websearch", config=TS_CONFIG)
        visible = visible.filter(search_vector=query)
    lookups = {
        "kind": lambda v: {"kind__in": v},
        "thematique": lambda v: {"thematiques__overlap": list(v)},
        "territory": lambda v: {"territories__overlap": list(v)},
        "year": lambda v: {"year__in": [int(y) for y in v]},
    }

    def narrowed(excluded=None):
        entries = visible
        for name, values in request.filters.items():
            if name != excluded:
                entries = entries.filter(**lookups[name](values))
        return entries

    counts = {name: {} for name in lookups}
    for row in narrowed("kind").values_list("kind", flat=True):
        counts["kind"][row] = counts["kind"].get(row, 0) + 1
    for row in narrowed("year").exclude(year=None).values_list("year", flat=True):
        counts["year"][str(row)] = counts["year"].get(str(row), 0) + 1
    for name, field in (("thematique", "thematiques"), ("territory", "territories")):
        for values in narrowed(name).values_list(field, flat=True):
            for value in values:
                counts[name][value] = counts[name].get(value, 0) + 1
    by_date = [F("date").desc(nulls_last=True), "-entry_id"]
    matching = narrowed()
    if query is None or request.sort == "date":
        ordered = matching.order_by(*by_date)
    else:
        score = SearchRank(F("search_vector"), query, cover_density=True) * RECENCY_BOOST
        ordered = matching.annotate(score=score).order_by("-score", *by_date)
    page = ordered.values_list("entry__object_id", flat=True)[
        request.offset : request.offset + request.limit
    ]
    return matching.count(), counts, list(page)


@pytest.mark.parametrize(
    ("text", "filters", "sort", "principals"),
    [
        (WORD, {}, "relevance", ["public"]),
        (WORD, {}, "relevance", ["public", "members"]),
        (WORD, {"kind": ("proposition",), "thematique": ("sante",)}, "relevance", ["public"]),
        (WORD, {"year": ("2023",), "territory": ("region:11",)}, "date", None),
        (
            WORD,
            {"kind": ("page", "proposition"), "thematique": ("emploi",), "year": ("2022", "2023")},
            "relevance",
            ["public", "members"],
        ),
        ("", {"kind": ("page",), "year": ("2022", "2023")}, "relevance", ["public"]),
    ],
)
def test_one_statement_gives_every_figure_and_page_of_one_query_each(
    entries, text, filters, sort, principals
):
    for offset in (0, 5):
        request = SearchRequest(
            text=text, filters=filters, sort=sort, offset=offset, limit=5, principals=principals
        )
        results = PostgresBackend()._search(request)
        total, counts, page = expected(request)
        assert results.total == total
        assert total  # each case finds something
        for name, facet in results.facets.items():
            assert {c.value: c.count for c in facet} == counts[name], name
        assert [int(hit.key.split("-")[1]) for hit in results.hits] == page
