"""Elasticsearch backend: mapping, analyzer and generated queries without a server, then
the same contract as PostgreSQL against a live server when ELASTICSEARCH_URL is set."""

import os

import pytest

from search.backends.base import HIGHLIGHT_START, SearchRequest
from search.backends.elastic import ElasticsearchBackend, Entry, index_definition
from search.registry import Audience, SearchDocument


@pytest.fixture
def backend():
    return ElasticsearchBackend(url="http://localhost:9200", alias="maillage-test")


def test_french_analyzer_folds_accents_elides_stems_and_drops_stop_words():
    analysis = index_definition("x").to_dict()["settings"]["analysis"]

    assert analysis["analyzer"]["french_folded"]["filter"] == [
        "french_elision",
        "lowercase",
        "french_stop",
        "asciifolding",
        "french_stemmer",
    ]
    assert analysis["filter"]["french_elision"]["type"] == "elision"
    assert "qu" in analysis["filter"]["french_elision"]["articles"]
    assert analysis["filter"]["french_stop"]["stopwords"] == "_french_"
    assert analysis["filter"]["french_stemmer"]["language"] == "light_french"


def test_mapping_keeps_facets_as_keywords_and_text_in_french():
    properties = index_definition("x").to_dict()["mappings"]["properties"]

    for field in ("title", "extra", "body"):
        assert properties[field] == {
            "type": "text",
            "analyzer": "french_folded",
            "copy_to": "spell",
        }
    for field in ("kind", "thematiques", "territories", "principals"):
        assert properties[field]["type"] == "keyword"
    assert properties["year"]["type"] == "integer"
    assert properties["title_suggest"]["type"] == "completion"
    assert properties["title_suggest"]["contexts"][0]["path"] == "principals"


def test_document_carries_its_visibility_and_completion_inputs():
    doc = SearchDocument(
        title="Politique de la ville",
        url="/p/",
        audience=Audience.RESTRICTED,
        allowed_group_ids=[4],
        content_type_id=7,
        object_id=9,
    )

    data = Entry.from_document(doc).to_dict(include_meta=True)

    assert data["_id"] == "7-9"
    assert data["_source"]["principals"] == ["group:4"]
    assert data["_source"]["title_suggest"]["input"][:2] == ["Politique de la ville", "de la ville"]


def test_query_filters_visibility_before_facets_and_post_filters_facet_choices(backend):
    request = SearchRequest(
        text="évaluation",
        filters={"kind": ("membre",), "thematique": ()},
        principals=["public", "members"],
        offset=20,
    )

    body = backend.build_search(request)._s.to_dict()

    assert body["query"]["bool"]["filter"] == [{"terms": {"principals": ["public", "members"]}}]
    scored = body["query"]["bool"]["must"][0]["function_score"]
    assert scored["query"]["multi_match"]["fields"] == ["title^4", "extra^2", "body"]
    assert scored["functions"][0]["gauss"]["date"]["origin"] == "now"
    assert body["post_filter"] == {"terms": {"kind": ["membre"]}}
    assert body["aggs"]["_filter_kind"]["filter"] == {"match_all": {}}
    assert body["aggs"]["_filter_thematique"]["filter"] == {"terms": {"kind": ["membre"]}}
    assert body["from"] == 20 and body["size"] == 20
    assert body["highlight"]["fields"]["body"]["pre_tags"] == [HIGHLIGHT_START]
    assert body["suggest"]["did_you_mean"]["term"]["field"] == "spell"


def test_superuser_query_has_no_visibility_filter_and_empty_query_sorts_by_date(backend):
    body = backend.build_search(SearchRequest(principals=None))._s.to_dict()

    assert "query" not in body
    assert body["sort"] == [{"date": {"order": "desc"}}, "_score"]


def test_completion_is_restricted_to_the_user_s_principals(backend):
    body = backend.build_suggest("evalu", ["public", "user:3"], 6).to_dict()

    completion = body["suggest"]["titles"]["completion"]
    assert body["suggest"]["titles"]["prefix"] == "evalu"
    assert completion["contexts"] == {"principal": ["public", "user:3"]}


# --- Against a live server ---------------------------------------------------------------

live = pytest.mark.skipif(
    not os.environ.get("ELASTICSEARCH_URL"),
    reason="ELASTICSEARCH_URL absent : pas de serveur Elasticsearch à interroger.",
)


@pytest.fixture
def live_backend():
    backend = ElasticsearchBackend(url=os.environ["ELASTICSEARCH_URL"], alias="maillage-test")
    yield backend
    backend.client.indices.delete(index="maillage-test-*", ignore_unavailable=True)


def _doc(pk, title, body="", **fields):
    return SearchDocument(
        title=title,
        url=f"/{pk}/",
        body=body,
        kind="page",
        content_type_id=1,
        object_id=pk,
        **fields,
    )


@live
def test_live_french_matching_visibility_facets_and_reindex(live_backend):
    live_backend.rebuild(
        [
            [
                _doc(1, "Évaluation des contrats de ville", thematiques=["sante"]),
                _doc(2, "Jardins partagés", "Les habitants participent."),
                _doc(
                    3,
                    "Espace privé",
                    "Évaluation",
                    audience=Audience.RESTRICTED,
                    allowed_group_ids=[5],
                ),
            ]
        ]
    )

    public = live_backend.search(SearchRequest(text="evaluations"))
    assert [h.title for h in public.hits] == ["Évaluation des contrats de ville"]
    assert {c.value: c.count for c in public.facets["kind"]} == {"page": 1}
    insider = live_backend.search(
        SearchRequest(text="evaluation", principals=["public", "group:5"])
    )
    assert insider.total == 2
    assert live_backend.search(SearchRequest(text="jardin partage")).total == 1
    assert live_backend.search(SearchRequest(text="evaluaton")).suggestion == "evaluation"
    assert [s.title for s in live_backend.suggest("jard", ["public"])] == ["Jardins partagés"]

    live_backend.remove([(1, 2)])
    live_backend.rebuild([[_doc(1, "Évaluation des contrats de ville")]])
    assert live_backend.search(SearchRequest(text="jardins")).total == 0
    assert len(live_backend.client.indices.get_alias(name="maillage-test")) == 1
