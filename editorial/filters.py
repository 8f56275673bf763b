"""Filters of the editorial index pages."""

import django_filters
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from content.filters import ThematiqueFilter, YearFilter, cached_rows, year_choices
from taxonomy.models import Departement, Region


class NewsFilterSet(django_filters.FilterSet):
    """Actualités by thématique, year and mot-clé, among the news of the index."""

    thematique = ThematiqueFilter()
    year = YearFilter(field_name="date", lookup_expr="year")
    tag = django_filters.ModelChoiceFilter(
        field_name="tags",
        queryset=Tag.objects.none(),
        to_field_name="slug",
        distinct=False,
        label=_("Mot-clé"),
        empty_label=_("Tous les mots-clés"),
    )

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        dates = self.queryset.dates("date", "year", order="DESC")
        years = [day.year for day in cached_rows("editorial:news-years", dates)]
        self.filters["year"].extra["choices"] = year_choices(years)
        self.filters["tag"].queryset = (
            Tag.objects.filter(editorial_newspagetag_items__content_object__in=self.queryset)
            .distinct()
            .order_by("name")
        )


class ExperienceFilterSet(django_filters.FilterSet):
    """Retours d’expérience by thématique, territory and year of the action."""

    thematique = ThematiqueFilter()
    year = YearFilter()
    region = django_filters.ModelChoiceFilter(
        queryset=Region.objects.all(),
        label=_("Région"),
        empty_label=_("Toutes les régions"),
    )
    departement = django_filters.ModelChoiceFilter(
        queryset=Departement.objects.all(),
        to_field_name="code",
        label=_("Département"),
        empty_label=_("Tous les départements"),
    )

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset, **kwargs)
        years = (
            self.queryset.exclude(year=None)
            .order_by("-year")
            .values_list("year", flat=True)
            .distinct()
        )
        self.filters["year"].extra["choices"] = year_choices(
            cached_rows("editorial:experience-years", years)
        )
