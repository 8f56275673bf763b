"""Default backend: PostgreSQL full-text search over the ``SearchEntry`` table, found,
counted and ranked through its narrow side, ``SearchMatch``."""

from __future__ import annotations

import dataclasses
import time
import zlib
from collections.abc import Iterable

from django.contrib.postgres.search import (
    SearchHeadline,
    SearchQuery,
    SearchRank,
    TrigramWordSimilarity,
)
from django.core.cache import cache
from django.db import connection, transaction
from django.db.models import (
    BooleanField,
    Case,
    ExpressionWrapper,
    F,
    FloatField,
    Func,
    Q,
    TextField,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.functions import NullIf, Substr
from django.utils import timezone

from maillage import table_versions
from search.backends.base import (
    FACETS,
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
from search.models import TS_CONFIG, VECTOR, SearchEntry, SearchMatch, SearchTerm
from search.registry import Audience, SearchDocument, registry

EXCERPT_SOURCE_CHARS = 20_000  # ts_headline reads this much of the body, at most
VOCABULARY_SOURCE_CHARS = 20_000
VOCABULARY_MIN_CHARS = 4
# "Vouliez-vous dire": the least trigram similarity of a correction (pg_trgm's default is 0.3).
TYPO_SIMILARITY = 0.2
# Results are kept while the index is unchanged (see maillage.table_versions); the
# recency boost moves slowly enough for this to be the only other limit.
RESULTS_CACHE_SECONDS = 300
# The first key of the advisory locks of `_cached_once` ("se" in ASCII).
LOCK_NAMESPACE = 0x7365
MATERIALIZED_MEMORY = "32MB"  # see _one_pass
# The tokens of every member (see search.registry.SearchDocument.principals).
SHARED_PRINCIPALS = (Audience.PUBLIC.value, Audience.MEMBERS.value)
HIT_FIELDS = (
    "content_type_id",
    "object_id",
    "kind",
    "title",
    "url",
    "date",
    "thematiques",
    "territories",
)
# Content from a year ago gets a third of the boost of content published today.
RECENCY_BOOST = RawSQL(
    "1 + CASE WHEN search_searchmatch.date IS NULL THEN 0 ELSE 0.3 / (1 + GREATEST(EXTRACT(EPOCH"
    " FROM now() - search_searchmatch.date), 0) / 15768000.0) END",
    [],
    output_field=FloatField(),
)
FILTERS = {
    "kind": lambda values: Q(kind__in=values),
    "thematique": lambda values: Q(thematiques__overlap=list(values)),
    "territory": lambda values: Q(territories__overlap=list(values)),
    "year": lambda values: Q(year__in=[int(v) for v in values if v.isdigit()]),
}


# What a document sets on its entry; a re-indexed document equal in all of these is not
# written again.
INDEXED_FIELDS = (
    "kind",
    "title",
    "title_plain",
    "url",
    "extra",
    "body",
    "date",
    "year",
    "thematiques",
    "territories",
    "principals",
)


class PostgresBackend(SearchBackend):
    def index(self, documents: list[SearchDocument]) -> None:
        """Only the documents whose entry would change are written: a vote or an
        activity row re-indexes its proposal unchanged, and a write to the index expires
        every cached search (see `search`)."""
        now = timezone.now()
        entries = _changed([_entry(doc, now) for doc in documents])
        changed = {(entry.content_type_id, entry.object_id) for entry in entries}
        self._upsert(
            entries, [doc for doc in documents if (doc.content_type_id, doc.object_id) in changed]
        )

    def _upsert(self, entries: list[SearchEntry], documents: list[SearchDocument]) -> None:
        if not entries:
            return
        with transaction.atomic():
            SearchEntry.objects.bulk_create(
                entries,
                update_conflicts=True,
                unique_fields=["content_type", "object_id"],
                update_fields=[
                    f.name
                    for f in SearchEntry._meta.concrete_fields
                    if not f.primary_key
                    and not f.generated
                    and f.name not in ("content_type", "object_id")
                ],
            )
            _write_matches([entry.pk for entry in entries])
            _add_vocabulary(documents)

    def remove(self, keys: list[tuple[int, int]]) -> None:
        condition = Q()
        for content_type_id, object_id in keys:
            condition |= Q(content_type_id=content_type_id, object_id=object_id)
        if condition:
            SearchEntry.objects.filter(condition).delete()

    def rebuild(self, batches: Iterable[list[SearchDocument]]) -> None:
        """Upsert everything, then drop what was not seen: the index stays usable throughout."""
        started = timezone.now()
        SearchTerm.objects.all().delete()
        for batch in batches:  # every entry written, so that its indexed_at is new
            self._upsert([_entry(doc, started) for doc in batch], batch)
        SearchEntry.objects.filter(indexed_at__lt=started).delete()

    def search(self, request: SearchRequest) -> SearchResults:
        """A broad word ("quartiers") matches half the network: ranking and counting its
        matches costs tens of milliseconds, so the same search is answered once, for
        everybody who sees the same entries (see `_visibility_class`), and again after
        new documents none of which it finds (see `IndexMark`)."""
        request = dataclasses.replace(request, principals=_visibility_class(request.principals))
        key = table_versions.key("search", dataclasses.asdict(request))
        return _cached_once(key, lambda: self._search(request), lambda: _findable(request)[0])

    def _search(self, request: SearchRequest) -> SearchResults:
        visible, query, conditions = _findable(request)
        total, facets, ids = _one_pass(visible, conditions, query, request)
        hits = _hits(ids, query) if ids else []
        suggestion = None
        if query is not None and not total:
            suggestion = _did_you_mean(request.text, _matches(request.principals))
        return SearchResults(hits=hits, total=total, facets=facets, suggestion=suggestion)

    def suggest(self, text: str, principals: list[str] | None, limit: int = 6) -> list[Suggestion]:
        """Cached like `search`: a new comment (never suggested) keeps every suggestion."""
        principals = _visibility_class(principals)
        key = table_versions.key("suggest", text, principals, limit)
        return _cached_once(
            key,
            lambda: self._suggest(text, principals, limit),
            lambda: _suggestible(text, principals, SearchMatch.objects.all(), "entry__"),
        )

    def _suggest(self, text: str, principals: list[str] | None, limit: int) -> list[Suggestion]:
        entries = _suggestible(text, principals, SearchEntry.objects.all())
        if entries is None:
            return []
        typed = " ".join(_typed(text))
        entries = entries.annotate(
            similarity=TrigramWordSimilarity(Value(typed), "title_plain")
        ).order_by("-similarity", F("date").desc(nulls_last=True), "-id")
        return [
            Suggestion(title=title, url=url, kind=kind)
            for title, url, kind in entries.values_list("title", "url", "kind")[:limit]
        ]


def _typed(text: str) -> list[str]:
    return [w for w in words(plain(text)) if len(w) > 1][:6]


def _suggestible(text: str, principals, rows, title_path=""):
    """The entries (or their match rows, through `title_path`) a suggestion may show for
    `text`: suggested kinds, visible, every word typed starting a word of the title."""
    typed = _typed(text)
    if not typed:
        return None
    rows = rows.exclude(kind__in=registry.unsuggested_kinds())
    if principals is not None:
        rows = rows.filter(principals__overlap=principals)
    for word in typed:
        rows = rows.filter(**{f"{title_path}title_plain__regex": rf"\m{word}"})
    return rows


def _findable(request: SearchRequest):
    """The match rows a search reads (visible, found by its text, passing all its filters
    but at most one), its text query and its filters' conditions. A row outside them
    changes neither its total, nor its facets, nor its page."""
    visible = _matches(request.principals)
    query = None
    if request.text.strip():
        query = SearchQuery(request.text, search_type="websearch", config=TS_CONFIG)
        visible = visible.filter(search_vector=query)
    conditions = {name: FILTERS[name](values) for name, values in request.filters.items() if values}
    if len(conditions) > 1:
        # Every figure reads entries passing all the chosen filters but at most one: said
        # as such, the kind, thematique and territory indexes narrow the matches before the
        # table is read ("habitants", a kind and a thematique: 110,000 rows become 23,000).
        needed = Q()
        for name in conditions:
            needed |= Q(*(condition for other, condition in conditions.items() if other != name))
        visible = visible.filter(needed)
    return visible, query, conditions


# What `IndexMark` checks by itself: a write to these tables alone need not expire a
# cached search.
INDEX_TABLES = ("search_searchentry", "search_searchmatch")
# The match rows written since a mark (see migration 0006): by a transaction its snapshot
# did not see, or by its own transaction after it; read in the order of the index on
# ``tx``, so that PostgreSQL reads them through it whatever its statistics say. Past
# SINCE_LIMIT rows, the check gives up (a recomputation).
SINCE_LIMIT = 500
# Both read with the parameters of `IndexMark.since`.
ROWS_SINCE = (
    "(SELECT entry_id FROM search_searchmatch WHERE tx >= %s::xid8 AND tx IS DISTINCT FROM"
    f" %s::xid8 AND NOT pg_visible_in_snapshot(tx, %s::pg_snapshot) ORDER BY tx LIMIT {SINCE_LIMIT})"
    " UNION ALL (SELECT entry_id FROM search_searchmatch WHERE tx = %s::xid8 AND seq > %s"
    f" ORDER BY tx LIMIT {SINCE_LIMIT})"
)
EDITED_SINCE = (
    'SELECT 1 FROM "search_searchedit" WHERE (tx >= %s::xid8 AND tx IS DISTINCT FROM %s::xid8'
    " AND NOT pg_visible_in_snapshot(tx, %s::pg_snapshot)) OR (tx = %s::xid8 AND seq > %s)"
)


@dataclasses.dataclass(frozen=True)
class IndexMark:
    """Where the index stood just before a cached search was computed: the snapshot of
    committed transactions, the searching transaction's own id if it had one, and the
    change sequence (migration 0006).

    Most writes to the index are new documents (40 comments a minute), and a new document
    none of whose rows a search reads (see `_findable`) changes nothing of it: not its
    total, not a facet, not its page. So a cached search whose index tables were written
    since is still served when the rows written since are all new match rows (no entry or
    match updated, deleted or truncated: nothing logged in `search_searchedit` since) and
    none of them is one it reads: one query on the rows written since, through the index
    on ``tx``. Rows of a transaction the mark's snapshot did not see count as written
    since, whenever they were committed; the mark is taken before the search's statements
    run, so a row they saw may be checked again (a needless recomputation, never a stale
    result). A value computed by a transaction that had written (its own rows seen) is
    served only in that transaction or once it has committed."""

    snapshot: str
    xid: str | None
    seq: int

    @classmethod
    def now(cls) -> IndexMark:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_current_snapshot()::text, pg_current_xact_id_if_assigned()::text,"
                " (SELECT last_value - (NOT is_called)::int FROM search_change_seq)"
            )
            return cls(*cursor.fetchone())

    @property
    def since(self) -> list:
        return [self.snapshot.split(":")[0], self.xid, self.snapshot, self.xid, self.seq]

    def unchanged_for(self, rows) -> bool:
        """Whether nothing was written since the mark but new match rows outside `rows`."""
        rows = rows.extra(where=['"search_searchmatch"."entry_id" IN (SELECT entry_id FROM since)'])
        found, params = rows.values("pk")[:1].query.sql_with_params()
        own, own_params = "TRUE", []
        if self.xid is not None:
            own = "(pg_current_xact_id_if_assigned() = %s::xid8 OR pg_xact_status(%s::xid8) = 'committed')"
            own_params = [self.xid, self.xid]
        with connection.cursor() as cursor:
            cursor.execute(
                f"WITH since AS MATERIALIZED ({ROWS_SINCE}) SELECT {own}"
                f" AND NOT EXISTS ({EDITED_SINCE}) AND (SELECT count(*) FROM since) < {SINCE_LIMIT}"
                f" AND NOT EXISTS ({found})",
                [*self.since, *own_params, *self.since, *params],
            )
            return cursor.fetchone()[0]


def _cached_once(key: str, compute, reads):
    """The cached value, or computed by one request at a time: the visitors who ask for
    "quartiers" in the next half-second would otherwise each rank its 60,000 matches. The
    others wait for the first (a lock held until its transaction ends, after the value is
    stored) and then find it. `reads()` gives the match rows the value reads (None: none),
    for `IndexMark`."""
    entry = _current(key, reads)
    if entry is None:
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(
                "SELECT pg_advisory_xact_lock(%s, %s)",
                [LOCK_NAMESPACE, zlib.crc32(key.encode()) - 2**31],
            )
            entry = _current(key, reads) or _fill(key, compute)
    table_versions.note(entry["tables"])
    return entry["value"]


def _fill(key: str, compute) -> dict:
    mark = IndexMark.now()
    with table_versions.recording(report=False) as tables:
        value = compute()
    entry = {"value": value, "tables": tables}
    # "Vouliez-vous dire" (when nothing is found) reads the vocabulary and what the
    # correction finds, which new documents change: such a value expires on any write.
    if "search_searchterm" not in tables:
        entry.update(mark=mark, filled=time.time())
    table_versions.store_entry(key, entry, RESULTS_CACHE_SECONDS)
    return entry


def _current(key: str, reads) -> dict | None:
    """The entry stored under `key` if still exact: no table it read changed since, or
    only the index tables, by new rows none of which it reads (`IndexMark`). An entry
    found exact so is stored again with the index tables' versions read before the check,
    so that the next request finds it without a query until the index is written again."""
    stale = []
    for entry, shared in _stored(key):
        current = table_versions.versions(entry["tables"])
        if current == entry["tables"]:
            if shared:
                table_versions.local_values.set(key, entry, table_versions.LOCAL_SECONDS)
            return entry
        stale.append((entry, current))
    checked = set()  # the process's copy and the shared one: one check for the same mark
    for entry, current in stale:
        mark = entry.get("mark")
        noted = entry["tables"]
        if mark is None or mark in checked:
            continue
        if any(current[table] != v for table, v in noted.items() if table not in INDEX_TABLES):
            continue
        checked.add(mark)
        rows = reads()
        if rows is None or mark.unchanged_for(rows):
            entry["tables"] = current
            left = int(RESULTS_CACHE_SECONDS - (time.time() - entry["filled"]))
            if left >= 1:
                table_versions.store_entry(key, entry, left)
            return entry
    return None


def _stored(key: str):
    """The entry in this process's memory, then the shared one (read only if asked)."""
    entry = table_versions.local_values.get(key)
    if entry is not None:
        yield entry, False
    entry = cache.get(key)
    if entry is not None:
        yield entry, True


def _visibility_class(principals: list[str] | None) -> list[str] | None:
    """These principals less those no entry carries: the same rows for the same class.

    Every member has "public" and "members"; few are invited to a private space or belong
    to a group whose content is indexed. Without their own token and their groups', two
    members would never share a cached search. Searching with the class rather than every
    token finds the same rows (an entry is found through a token it carries), and never
    more than the member may see: the class is a part of their tokens. An entry indexed
    for a token after the class was read is found by the next search, whose class has it.
    """
    if principals is None:
        return None
    shared = [p for p in principals if p in SHARED_PRINCIPALS]
    others = [p for p in principals if p not in SHARED_PRINCIPALS]
    if not others:
        return shared
    carried = '(SELECT %s FROM "search_searchmatch" WHERE principals @> %s LIMIT 1)'
    with connection.cursor() as cursor:
        cursor.execute(
            " UNION ALL ".join([carried] * len(others)),
            [value for p in others for value in (p, [p])],
        )
        found = {row[0] for row in cursor.fetchall()}
    return shared + [p for p in others if p in found]


def _matches(principals):
    """The match rows of the entries these principals may read (all for ``None``)."""
    matches = SearchMatch.objects.all()
    if principals is not None:
        matches = matches.filter(principals__overlap=principals)
    return matches


MATCH_FIELDS = ("date", "year", "kind", "principals", "thematiques", "territories")


def _write_matches(ids: list[int]) -> None:
    """The match rows of these entries, as their entries say now, in one statement: the
    vector computed from the written text."""
    sql, params = (
        SearchEntry.objects.filter(pk__in=ids)
        .order_by()
        .annotate(vector=VECTOR)
        .values("id", *MATCH_FIELDS, "vector")
        .query.sql_with_params()
    )
    columns = ", ".join(MATCH_FIELDS)
    updates = ", ".join(f"{name} = EXCLUDED.{name}" for name in (*MATCH_FIELDS, "search_vector"))
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO search_searchmatch (entry_id, {columns}, search_vector) {sql}"
            f" ON CONFLICT (entry_id) DO UPDATE SET {updates}",
            params,
        )


def _entry(doc: SearchDocument, now) -> SearchEntry:
    return SearchEntry(
        content_type_id=doc.content_type_id,
        object_id=doc.object_id,
        kind=doc.kind,
        title=doc.title[:300],
        title_plain=plain(doc.title)[:300],
        url=doc.url,
        extra=doc.extra,
        body=doc.body,
        date=as_datetime(doc.date),
        year=doc.year,
        thematiques=list(doc.thematiques),
        territories=list(doc.territories),
        principals=doc.principals,
        indexed_at=now,
    )


def _changed(entries: list[SearchEntry]) -> list[SearchEntry]:
    """The entries that are new or differ from the stored ones in an indexed field."""
    if not entries:
        return []
    keys = Q()
    for entry in entries:
        keys |= Q(content_type_id=entry.content_type_id, object_id=entry.object_id)
    stored = {
        (row["content_type_id"], row["object_id"]): row
        for row in SearchEntry.objects.filter(keys).values(
            "content_type_id", "object_id", *INDEXED_FIELDS
        )
    }
    return [
        entry
        for entry in entries
        if (row := stored.get((entry.content_type_id, entry.object_id))) is None
        or any(getattr(entry, name) != row[name] for name in INDEXED_FIELDS)
    ]


def _add_vocabulary(documents: list[SearchDocument]) -> None:
    """Words of public documents only: a suggestion must never reveal a private one."""
    vocabulary = {}
    for doc in documents:
        if doc.audience != Audience.PUBLIC:
            continue
        text = f"{doc.title} {doc.extra} {doc.body[:VOCABULARY_SOURCE_CHARS]}"
        for word in words(text):
            if VOCABULARY_MIN_CHARS <= len(word) <= 60 and not any(c.isdigit() for c in word):
                vocabulary.setdefault(plain(word), word)
    SearchTerm.objects.bulk_create(
        [SearchTerm(term=term, word=word) for term, word in vocabulary.items()],
        ignore_conflicts=True,
        batch_size=2000,
    )


def _excerpt_source():
    return Func(
        Value(" · "),
        NullIf("extra", Value("")),
        Substr("body", 1, EXCERPT_SOURCE_CHARS),
        function="concat_ws",
        output_field=TextField(),
    )


def _hits(ids: list[int], query) -> list[Hit]:
    """The page's rows in the order found by `_one_pass`, with excerpts for those rows
    only: ts_headline is costly."""
    if query is None:
        excerpt = Substr(_excerpt_source(), 1, 300)
    else:
        excerpt = SearchHeadline(
            _excerpt_source(),
            query,
            config=TS_CONFIG,
            start_sel=HIGHLIGHT_START,
            stop_sel=HIGHLIGHT_END,
            max_words=40,
            min_words=20,
            max_fragments=2,
            fragment_delimiter=" … ",
        )
    rows = (
        SearchEntry.objects.filter(id__in=ids)
        .only(*HIT_FIELDS)  # not the body (a PDF's text) nor the vector: the excerpt is enough
        .annotate(excerpt=excerpt)
        .in_bulk(ids)
    )
    return [
        Hit(
            key=f"{row.content_type_id}-{row.object_id}",
            kind=row.kind,
            title=row.title,
            url=row.url,
            date=row.date,
            thematiques=row.thematiques,
            territories=row.territories,
            excerpt=_trim(row.excerpt) if query is None else row.excerpt,
        )
        for row in (rows[pk] for pk in ids)
    ]


def _trim(text: str, length: int = 240) -> str:
    if len(text) <= length:
        return text
    return text[:length].rsplit(" ", 1)[0] + " …"


def _one_pass(visible, conditions: dict, query, request: SearchRequest):
    """The total, every facet's counts and the page's ids from one scan of the matches.

    The matching entries are read once (a broad word matches a quarter of the index, and
    reading their rows is most of the cost) into a narrow materialised set; the total and
    the kind and year facets are one grouping-sets pass over it, each array facet one more,
    and the page is a top-N sort of it. Each facet is counted with the other facets'
    filters only, so that choosing a thematique still shows how many results the other
    thematiques would give. The relevance is computed only for the entries that pass
    every filter, since only they are ranked.
    """
    flags = {
        f"f_{name}": ExpressionWrapper(conditions.get(name, Q(pk__isnull=False)), BooleanField())
        for name in FACETS
    }
    annotations = dict(flags)
    order = "date DESC NULLS LAST, entry_id DESC"
    if query is not None and request.sort != "date":
        score = SearchRank(F("search_vector"), query, cover_density=True) * RECENCY_BOOST
        if conditions:
            score = Case(When(Q(*conditions.values()), then=score), output_field=FloatField())
        annotations["score"] = score
        order = f"score DESC, {order}"
    sql, params = (
        visible.annotate(**annotations)
        .values("entry_id", "date", "kind", "year", "thematiques", "territories", *annotations)
        .query.sql_with_params()
    )

    def where(excluded=None):
        return " AND ".join(f"f_{name}" for name in FACETS if name != excluded)

    with transaction.atomic(), connection.cursor() as cursor:
        # The narrow set of a broad word's matches (58,000 rows, 9 MB) stays in memory
        # rather than being written to and read back 4 times from a temporary file.
        cursor.execute("SET LOCAL work_mem = %s", [MATERIALIZED_MEMORY])
        cursor.execute(
            f"WITH m AS MATERIALIZED ({sql})"
            " SELECT CASE GROUPING(kind, year) WHEN 3 THEN 'total' WHEN 1 THEN 'kind'"
            " ELSE 'year' END,"
            " CASE GROUPING(kind, year) WHEN 1 THEN kind WHEN 2 THEN year::text ELSE '' END,"
            f" CASE GROUPING(kind, year) WHEN 3 THEN COUNT(*) FILTER (WHERE {where()})"
            f" WHEN 1 THEN COUNT(*) FILTER (WHERE {where('kind')})"
            f" ELSE COUNT(*) FILTER (WHERE year IS NOT NULL AND {where('year')}) END"
            " FROM m GROUP BY GROUPING SETS ((), (kind), (year))"
            " UNION ALL SELECT 'thematique', v, COUNT(*) FROM"
            f" (SELECT unnest(thematiques) AS v FROM m WHERE {where('thematique')}) t GROUP BY v"
            " UNION ALL SELECT 'territory', v, COUNT(*) FROM"
            f" (SELECT unnest(territories) AS v FROM m WHERE {where('territory')}) t GROUP BY v"
            f" UNION ALL SELECT 'hit', entry_id::text, row_number() OVER (ORDER BY {order}) FROM"
            f" (SELECT * FROM m WHERE {where()} ORDER BY {order} LIMIT %s OFFSET %s) h",
            [*params, request.limit, request.offset],
        )
        rows = cursor.fetchall()
    total = 0
    facets = {name: [] for name in FACETS}
    page = []
    for name, value, count in rows:
        if name == "total":
            total = count
        elif name == "hit":
            page.append((count, int(value)))
        elif count:  # a kind or year group none of whose entries passes the other filters
            facets[name].append(FacetCount(value=value, count=count))
    for name, counts in facets.items():
        key = (lambda c: -int(c.value)) if name == "year" else (lambda c: (-c.count, c.value))
        facets[name] = sorted(counts, key=key)[: request.facet_size]
    return total, facets, [pk for _position, pk in sorted(page)]


def _did_you_mean(text: str, visible) -> str | None:
    """Each unknown word replaced by the closest known one, if the result finds something.

    Word by word, so that one typo among several words is corrected ("renouvellement
    urbian"); the similarity threshold is lowered for this query only, since two swapped
    letters in a short word leave few trigrams in common ("urbian" and "urbain": 0.27,
    under pg_trgm's default 0.3). Words shorter than the vocabulary's are kept as typed."""
    typed = words(text)[:8]
    if not typed:
        return None
    checked = [plain(w) if len(w) >= VOCABULARY_MIN_CHARS else "" for w in typed]
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('pg_trgm.similarity_threshold', %s, true)",
            [str(TYPO_SIMILARITY)],
        )
        cursor.execute(
            "SELECT q.w, (SELECT t.word FROM search_searchterm t WHERE q.p <> '' AND t.term %% q.p"
            " ORDER BY similarity(t.term, q.p) DESC, t.term LIMIT 1)"
            " FROM unnest(%s::text[], %s::text[]) WITH ORDINALITY AS q(w, p, i) ORDER BY q.i",
            [typed, checked],
        )
        corrected = [best or typed_word for typed_word, best in cursor.fetchall()]
    if [plain(w) for w in corrected] == [plain(w) for w in typed]:
        return None
    suggestion = " ".join(corrected)
    query = SearchQuery(suggestion, search_type="websearch", config=TS_CONFIG)
    return suggestion if visible.filter(search_vector=query).exists() else None
