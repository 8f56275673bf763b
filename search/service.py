"""What the search page shows: the backend's results with labels a reader understands."""

from __future__ import annotations

import dataclasses

from django.core.paginator import Page, Paginator
from django.http import QueryDict
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from maillage.table_versions import cached, key
from search.backends import get_backend
from search.backends.base import FACETS, SearchRequest, SearchResults, Suggestion, capped
from search.registry import registry, user_principals
from taxonomy.models import Departement, Region, Thematique

PAGE_SIZE = 20
# Names of thématiques and territories are kept until their tables are written; this
# only bounds the room unread ones take.
LABELS_SECONDS = 3600
FACET_LABELS = {
    "kind": _("Type de contenu"),
    "thematique": _("Thématique"),
    "territory": _("Territoire"),
    "year": _("Année"),
}


@dataclasses.dataclass
class FacetOption:
    value: str
    label: str
    count: int
    selected: bool
    toggle_query: str  # the query string that adds or removes this value


@dataclasses.dataclass
class FacetGroup:
    name: str
    label: str
    options: list[FacetOption]


@dataclasses.dataclass
class SearchPage:
    results: SearchResults
    page_obj: Page
    facets: list[FacetGroup]
    labels: dict[str, str]

    @property
    def has_facets(self) -> bool:
        return any(group.options for group in self.facets)


def search(user, params: dict, query: QueryDict) -> SearchPage:
    number = params["page"]
    results = get_backend().search(
        SearchRequest(
            text=params["text"],
            filters=params["filters"],
            sort=params["sort"],
            offset=(number - 1) * PAGE_SIZE,
            limit=PAGE_SIZE,
            principals=user_principals(user),
        )
    )
    labels = _labels(results)
    for hit in results.hits:
        hit.excerpt = capped(hit.excerpt)
        hit.kind_label = labels.get(hit.kind, hit.kind)
        hit.thematique_labels = [labels.get(slug, slug) for slug in hit.thematiques]
    page_obj = Page(results.hits, number, Paginator(range(results.total), PAGE_SIZE))
    facets = [
        FacetGroup(
            name=name,
            label=FACET_LABELS[name],
            options=[
                FacetOption(
                    value=count.value,
                    label=labels.get(count.value, count.value),
                    count=count.count,
                    selected=count.value in params["filters"].get(name, ()),
                    toggle_query=_toggle(query, name, count.value),
                )
                for count in results.facets.get(name, [])
            ],
        )
        for name in FACETS
    ]
    return SearchPage(results=results, page_obj=page_obj, facets=facets, labels=labels)


def suggest(user, text: str) -> list[Suggestion]:
    suggestions = get_backend().suggest(text, user_principals(user))
    kinds = registry.kinds()
    for suggestion in suggestions:
        suggestion.kind_label = kinds.get(suggestion.kind, suggestion.kind)
    return suggestions


def _toggle(query: QueryDict, name: str, value: str) -> str:
    query = query.copy()
    query.pop("page", None)
    values = query.getlist(name)
    query.setlist(name, [v for v in values if v != value] if value in values else [*values, value])
    return query.urlencode()


def _labels(results: SearchResults) -> dict[str, str]:
    """Names for the kinds, thematique slugs and territory keys shown."""
    labels = {kind: str(label) for kind, label in registry.kinds().items()}
    slugs = {c.value for c in results.facets.get("thematique", [])}
    territories = {c.value for c in results.facets.get("territory", [])}
    for hit in results.hits:
        slugs.update(hit.thematiques)
    labels.update(_names(sorted(slugs), sorted(territories)))
    return labels


def _names(slugs, territories):
    """The names of these thématiques and territories, from the exact cache (kept until
    one of their tables is written; at most three queries on a miss)."""
    return cached(
        key("search-labels", slugs, territories, get_language()),
        lambda: _read_names(slugs, territories),
        LABELS_SECONDS,
    )


def _read_names(slugs, territories):
    labels = {}
    if slugs:
        labels.update(Thematique.objects.filter(slug__in=slugs).values_list("slug", "name"))
    codes = {"region": set(), "departement": set()}
    for territory in territories:
        level, _sep, code = territory.partition(":")
        codes.get(level, set()).add(code)
    if codes["region"]:
        for code, name in Region.objects.filter(code__in=codes["region"]).values_list(
            "code", "name"
        ):
            labels[f"region:{code}"] = name
    if codes["departement"]:
        rows = Departement.objects.filter(code__in=codes["departement"]).values_list("code", "name")
        for code, name in rows:
            labels[f"departement:{code}"] = f"{name} ({code})"
    return labels
