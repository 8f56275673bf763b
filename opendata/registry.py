"""The open datasets, declared by the modules that own their data.

A module declares its dataset from its `AppConfig.ready()`:

    from opendata.registry import Column, register_dataset

    register_dataset(
        "resultats-suivi",
        title=_("Résultats du suivi"),
        description=_("…"),
        columns=[Column("id", _("Identifiant")), ...],
        rows=public_result_rows,  # () -> iterable of tuples, in the order of `columns`
    )

`rows` must yield only what an anonymous visitor may see, in a constant number of queries
per batch of rows (chunked iteration, prefetches): the nightly build calls it as is."""

from dataclasses import dataclass

from django.core.exceptions import ImproperlyConfigured


@dataclass(frozen=True)
class Column:
    """A column of a dataset: its name in the files and what it holds (shown on the page
    and written in the metadata)."""

    name: str
    description: str


@dataclass(frozen=True)
class Dataset:
    slug: str  # the files' name: <slug>.csv, <slug>.json, <slug>.metadata.json
    title: str
    description: str
    columns: tuple
    rows: object  # callable: () -> iterable of sequences, one value per column
    order: int = 100

    @property
    def column_names(self):
        return [column.name for column in self.columns]


_DATASETS = {}


def register_dataset(slug, *, title, description, columns, rows, order=100):
    if slug in _DATASETS:
        raise ImproperlyConfigured(f"Le jeu de données « {slug} » est déjà déclaré.")
    _DATASETS[slug] = Dataset(slug, title, description, tuple(columns), rows, order)


def datasets():
    """Every declared dataset, in the page's order."""
    return sorted(_DATASETS.values(), key=lambda dataset: (dataset.order, dataset.slug))


def get_dataset(slug):
    return _DATASETS.get(slug)
