"""Scale backend: Elasticsearch through ``elasticsearch.dsl``, same contract as PostgreSQL.

Documents live in timestamped indexes (``maillage-search-20260101120000``) reached through
an alias (``maillage-search``): a rebuild fills a new index, then swaps the alias in one
atomic call, so searches never see a half-built index.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.utils import timezone
from elasticsearch import helpers
from elasticsearch.dsl import (
    Completion,
    Date,
    Document,
    FacetedSearch,
    Index,
    Integer,
    Keyword,
    Long,
    Q,
    Search,
    TermsFacet,
    Text,
    analyzer,
    connections,
    token_filter,
)

from search.backends.base import (
    HIGHLIGHT_END,
    HIGHLIGHT_START,
    FacetCount,
    Hit,
    SearchBackend,
    SearchRequest,
    SearchResults,
    Suggestion,
    as_datetime,
    plain,
    words,
)
from search.registry import SearchDocument

CONNECTION = "maillage-search"
FACET_SIZE = 12
french_elision = token_filter(
    "french_elision",
    type="elision",
    articles_case=True,
    articles=["l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"],
)
french_stop = token_filter("french_stop", type="stop", stopwords="_french_")
french_stemmer = token_filter("french_stemmer", type="stemmer", language="light_french")
# Stop words are removed before folding, since the French list is written with accents.
french = analyzer(
    "french_folded",
    tokenizer="standard",
    filter=[french_elision, "lowercase", french_stop, "asciifolding", french_stemmer],
)
# No stemming: for "Vouliez-vous dire" (real words) and completion (prefixes of titles).
folding = analyzer("folding", tokenizer="standard", filter=["lowercase", "asciifolding"])


class Entry(Document):
    content_type_id = Integer()
    object_id = Long()
    kind = Keyword()
    title = Text(analyzer=french, copy_to="spell")
    extra = Text(analyzer=french, copy_to="spell")
    body = Text(analyzer=french, copy_to="spell")
    spell = Text(analyzer=folding)
    url = Keyword(index=False)
    date = Date()
    year = Integer()
    thematiques = Keyword(multi=True)
    territories = Keyword(multi=True)
    principals = Keyword(multi=True)
    title_suggest = Completion(
        analyzer=folding,
        contexts=[{"name": "principal", "type": "category", "path": "principals"}],
    )

    @classmethod
    def from_document(cls, doc: SearchDocument) -> Entry:
        title_words = doc.title.split()
        return cls(
            meta={"id": doc.key},
            content_type_id=doc.content_type_id,
            object_id=doc.object_id,
            kind=doc.kind,
            title=doc.title,
            extra=doc.extra,
            body=doc.body,
            url=doc.url,
            date=as_datetime(doc.date),
            year=doc.year,
            thematiques=doc.thematiques,
            territories=doc.territories,
            principals=doc.principals,
            # Every word suffix of the title, so "ville" completes "Politique de la ville";
            # none for a kind kept out of suggestions.
            title_suggest={
                "input": [" ".join(title_words[i:]) for i in range(min(len(title_words), 8))]
                if doc.in_suggestions
                else []
            },
        )


def index_definition(name: str) -> Index:
    index = Index(name, using=CONNECTION)
    index.settings(number_of_shards=1)
    index.document(Entry)
    return index


class NetworkSearch(FacetedSearch):
    """Full text on title, extra and body; facets counted after the visibility filter."""

    fields = ["title^4", "extra^2", "body"]
    facets = {
        "kind": TermsFacet(field="kind", size=FACET_SIZE),
        "thematique": TermsFacet(field="thematiques", size=FACET_SIZE),
        "territory": TermsFacet(field="territories", size=FACET_SIZE),
        "year": TermsFacet(field="year", size=FACET_SIZE, order={"_key": "desc"}),
    }
    using = CONNECTION

    def __init__(self, index: str, request: SearchRequest):
        self.index = index
        self.principals = request.principals
        text = request.text.strip()
        sort = ["-date", "_score"] if request.sort == "date" or not text else []
        filters = {name: list(values) for name, values in request.filters.items() if values}
        super().__init__(text or None, filters, sort)

    def search(self):
        s = super().search().source(excludes=["body", "spell", "title_suggest"])
        if self.principals is not None:
            s = s.filter("terms", principals=self.principals)
        return s

    def query(self, search, query):
        matching = Q("multi_match", query=query, fields=self.fields, operator="and")
        return search.query(
            "function_score",
            query=matching,
            functions=[
                {
                    "filter": Q("exists", field="date"),
                    "gauss": {"date": {"origin": "now", "scale": "180d", "decay": 0.5}},
                    "weight": 0.3,
                },
                {"weight": 1},
            ],
            score_mode="sum",
            boost_mode="multiply",
        )

    def highlight(self, search):
        return search.highlight(
            "extra",
            "body",
            fragment_size=160,
            number_of_fragments=2,
            pre_tags=[HIGHLIGHT_START],
            post_tags=[HIGHLIGHT_END],
        )


class ElasticsearchBackend(SearchBackend):
    def __init__(self, url: str | None = None, alias: str | None = None):
        connections.create_connection(CONNECTION, hosts=[url or settings.ELASTICSEARCH_URL])
        self.alias = alias or settings.MAILLAGE_SEARCH_INDEX
        self.client = connections.get_connection(CONNECTION)

    # --- Writing ------------------------------------------------------------------------
    def index(self, documents: list[SearchDocument]) -> None:
        if documents:
            self._ensure_alias()
            self._bulk(self.alias, documents, refresh="wait_for")

    def remove(self, keys: list[tuple[int, int]]) -> None:
        if not keys or not self.client.indices.exists_alias(name=self.alias):
            return
        actions = [
            {"_op_type": "delete", "_index": self.alias, "_id": f"{ct}-{pk}"} for ct, pk in keys
        ]
        helpers.bulk(self.client, actions, raise_on_error=False, refresh="wait_for")

    def rebuild(self, batches: Iterable[list[SearchDocument]]) -> None:
        name = f"{self.alias}-{timezone.now():%Y%m%d%H%M%S%f}"
        index_definition(name).create()
        for batch in batches:
            self._bulk(name, batch)
        self.client.indices.refresh(index=name)
        self._point_alias_to(name)

    def _bulk(self, index: str, documents: list[SearchDocument], **kwargs) -> None:
        actions = (Entry.from_document(doc).to_dict(include_meta=True) for doc in documents)
        helpers.bulk(self.client, ({**a, "_index": index} for a in actions), **kwargs)

    def _ensure_alias(self) -> None:
        if not self.client.indices.exists_alias(name=self.alias):
            name = f"{self.alias}-{timezone.now():%Y%m%d%H%M%S%f}"
            index_definition(name).create()
            self._point_alias_to(name)

    def _point_alias_to(self, name: str) -> None:
        previous = []
        if self.client.indices.exists_alias(name=self.alias):
            previous = list(self.client.indices.get_alias(name=self.alias))
        actions = [{"remove": {"index": old, "alias": self.alias}} for old in previous]
        actions.append({"add": {"index": name, "alias": self.alias}})
        self.client.indices.update_aliases(actions=actions)
        for old in previous:
            self.client.indices.delete(index=old)

    # --- Reading ------------------------------------------------------------------------
    def build_search(self, request: SearchRequest) -> NetworkSearch:
        faceted = NetworkSearch(self.alias, request)
        faceted = faceted[request.offset : request.offset + request.limit]
        if request.text.strip():
            faceted._s = faceted._s.suggest(
                "did_you_mean", request.text, term={"field": "spell", "suggest_mode": "popular"}
            )
        return faceted

    def search(self, request: SearchRequest) -> SearchResults:
        response = self.build_search(request).execute()
        total = response.hits.total.value
        facets = {
            name: [FacetCount(value=str(value), count=count) for value, count, _ in values]
            for name, values in response.facets.to_dict().items()
        }
        suggestion = None
        if total == 0 and "suggest" in response:
            suggestion = self._did_you_mean(request, response.suggest.did_you_mean)
        return SearchResults(
            hits=[_hit(h) for h in response.hits],
            total=total,
            facets=facets,
            suggestion=suggestion,
        )

    def _did_you_mean(self, request: SearchRequest, entries) -> str | None:
        corrected = [e.options[0].text if e.options else e.text for e in entries]
        if [plain(w) for w in corrected] == [plain(w) for w in words(request.text)]:
            return None
        text = " ".join(corrected)
        check = NetworkSearch(self.alias, SearchRequest(text=text, principals=request.principals))
        return text if check.count() else None

    def build_suggest(self, text: str, principals: list[str] | None, limit: int) -> Search:
        completion = {"field": "title_suggest", "size": limit, "skip_duplicates": True}
        completion["contexts"] = {"principal": principals or ["public", "members"]}
        return (
            Search(index=self.alias, using=CONNECTION)
            .source(["title", "url", "kind"])
            .suggest("titles", text, completion=completion)
            .extra(size=0)
        )

    def suggest(self, text: str, principals: list[str] | None, limit: int = 6) -> list[Suggestion]:
        response = self.build_suggest(text, principals, limit).execute()
        return [
            Suggestion(title=o._source.title, url=o._source.url, kind=o._source.kind)
            for o in response.suggest.titles[0].options
        ]


def _hit(hit) -> Hit:
    highlight = getattr(hit.meta, "highlight", None)
    fragments = []
    if highlight is not None:
        fragments = [*highlight.to_dict().get("extra", []), *highlight.to_dict().get("body", [])]
    excerpt = " … ".join(fragments) or (getattr(hit, "extra", "") or "")[:240]
    return Hit(
        key=hit.meta.id,
        kind=hit.kind,
        title=hit.title,
        url=hit.url,
        date=getattr(hit, "date", None),
        thematiques=list(getattr(hit, "thematiques", []) or []),
        territories=list(getattr(hit, "territories", []) or []),
        excerpt=excerpt,
    )
