"""What the listing filters of every module share.

Filters are django-filter FilterSets bound to the query string (GET forms: every filtered
list has its own URL and works without JavaScript). A value that does not validate is left
out of the filtering, and the others still apply; the page shows the field's error.
"""

import django_filters
from django.utils.translation import gettext_lazy as _

from maillage.table_versions import cached, key
from taxonomy.models import Thematique

CHOICES_SECONDS = 3600


def cached_rows(name, queryset):
    """The rows of `queryset` (the years a listing holds…), kept under its SQL and served
    again while none of the tables it read has been written (`maillage.table_versions`)."""
    sql, params = queryset.query.sql_with_params()
    return cached(
        key(name, sql, [repr(param) for param in params]), lambda: list(queryset), CHOICES_SECONDS
    )


def year_choices(years):
    """The options of a year filter, newest first as given, after « Toutes les années »."""
    return [("", _("Toutes les années")), *((str(year), str(year)) for year in years)]


class YearFilter(django_filters.TypedChoiceFilter):
    """A year among those the listing holds (the choices are set per listing)."""

    def __init__(self, field_name="year", **kwargs):
        kwargs.setdefault("label", _("Année"))
        super().__init__(field_name=field_name, coerce=int, empty_value=None, **kwargs)


class ThematiqueFilter(django_filters.ModelChoiceFilter):
    """A thématique chosen by its slug, the form every link to a filtered list uses."""

    def __init__(self, field_name="thematiques", **kwargs):
        kwargs.setdefault("label", _("Thématique"))
        kwargs.setdefault("empty_label", _("Toutes les thématiques"))
        super().__init__(
            field_name=field_name,
            queryset=Thematique.objects.all(),
            to_field_name="slug",
            distinct=False,
            **kwargs,
        )
