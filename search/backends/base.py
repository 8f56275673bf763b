"""The contract every search backend fulfils; the search page only knows this."""

from __future__ import annotations

import abc
import dataclasses
import datetime
import re
import unicodedata
from collections.abc import Iterable

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from search.registry import SearchDocument

# Backends wrap matched words with these control characters; the page escapes the whole
# excerpt, then turns them into <mark>, so indexed text can never inject markup.
HIGHLIGHT_START = "\x02"
HIGHLIGHT_END = "\x03"

FACETS = ("kind", "thematique", "territory", "year")
# About three lines of a result at the widest (CSS clamps to three lines as well).
EXCERPT_MAX_CHARS = 280
SORTS = ("relevance", "date")


@dataclasses.dataclass(frozen=True)
class SearchRequest:
    text: str = ""
    filters: dict[str, tuple[str, ...]] = dataclasses.field(default_factory=dict)
    sort: str = "relevance"
    offset: int = 0
    limit: int = 20
    principals: list[str] | None = dataclasses.field(default_factory=lambda: ["public"])
    facet_size: int = 12


@dataclasses.dataclass
class Hit:
    key: str
    kind: str
    title: str
    url: str
    date: datetime.datetime | None
    thematiques: list[str]
    territories: list[str]
    excerpt: str  # plain text with HIGHLIGHT_START/END around matches
    # Names for the reader, filled by the search page.
    kind_label: str = ""
    thematique_labels: list[str] = dataclasses.field(default_factory=list)

    @property
    def excerpt_html(self) -> SafeString:
        return highlight_html(self.excerpt)


@dataclasses.dataclass
class FacetCount:
    value: str
    count: int


@dataclasses.dataclass
class SearchResults:
    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetCount]]
    suggestion: str | None = None  # "Vouliez-vous dire"


@dataclasses.dataclass
class Suggestion:
    title: str
    url: str
    kind: str
    kind_label: str = ""


class SearchBackend(abc.ABC):
    @abc.abstractmethod
    def index(self, documents: list[SearchDocument]) -> None:
        """Add or replace these documents."""

    @abc.abstractmethod
    def remove(self, keys: list[tuple[int, int]]) -> None:
        """Forget the objects with these (content type id, object id)."""

    @abc.abstractmethod
    def rebuild(self, batches: Iterable[list[SearchDocument]]) -> None:
        """Replace the whole index by these documents; searches keep working meanwhile."""

    @abc.abstractmethod
    def search(self, request: SearchRequest) -> SearchResults: ...

    @abc.abstractmethod
    def suggest(self, text: str, principals: list[str] | None, limit: int = 6) -> list[Suggestion]:
        """Documents whose title contains the words being typed, for autocompletion."""


def highlight_html(text: str) -> SafeString:
    html = escape(text).replace(HIGHLIGHT_START, "<mark>").replace(HIGHLIGHT_END, "</mark>")
    return mark_safe(html)  # noqa: S308 - everything else was escaped just above


def capped(excerpt: str, length: int = EXCERPT_MAX_CHARS) -> str:
    """The excerpt cut at a word before `length` characters, its highlights kept whole."""
    if len(excerpt) <= length:
        return excerpt
    cut = excerpt[:length].rsplit(" ", 1)[0]
    if cut.count(HIGHLIGHT_START) > cut.count(HIGHLIGHT_END):
        cut += HIGHLIGHT_END
    return cut + " …"


def plain(text: str) -> str:
    """Lower case without accents: "Évaluation" -> "evaluation"."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def as_datetime(value) -> datetime.datetime | None:
    if value is None or isinstance(value, datetime.datetime):
        return value
    return datetime.datetime.combine(value, datetime.time(), tzinfo=datetime.UTC)
