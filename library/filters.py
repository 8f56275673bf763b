"""The public faceted filter of the library."""

import django_filters
from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from content.filters import ThematiqueFilter
from library.choices import ResourceType
from maillage.table_versions import cached, key
from taxonomy.models import Region

FACETS_SECONDS = 3600
SORT_CHOICES = [
    ("recent", _("Les derniers ajoutés")),
    ("year", _("Année de publication")),
    ("title", _("Titre (A → Z)")),
]


class YearNumberFilter(django_filters.NumberFilter):
    """A whole year: its options are the facet counts, known only once the other facets
    are read, so any plausible year validates."""

    field_class = forms.IntegerField


class ResourceFilterSet(django_filters.FilterSet):
    """Facets of the library; each option shows how many documents it would give,
    counted with the other facets applied. Newest first unless another sort is chosen."""

    FACETS = ("resource_type", "thematique", "year", "region")
    EMPTY_LABELS = {
        "resource_type": _("Tous les types"),
        "thematique": _("Toutes les thématiques"),
        "year": _("Toutes les années"),
        "region": _("Tous les territoires"),
    }
    SORTS = {
        "recent": ("-created_at",),
        "year": ("-year", "title"),
        "title": ("title",),
    }

    resource_type = django_filters.ChoiceFilter(choices=ResourceType.choices, label=_("Type"))
    thematique = ThematiqueFilter()
    year = YearNumberFilter(label=_("Année"), widget=forms.Select, min_value=1970, max_value=2100)
    region = django_filters.ModelChoiceFilter(queryset=Region.objects.all(), label=_("Territoire"))
    sort = django_filters.ChoiceFilter(
        label=_("Trier par"), choices=SORT_CHOICES, empty_label=None, method="sort_by"
    )

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset.order_by(*self.SORTS["recent"], "pk"), **kwargs)
        self.count_facets()

    def sort_by(self, queryset, name, value):
        return queryset.order_by(*self.SORTS[value], "pk")

    def count_facets(self):
        """Each facet's options with their counts, the other valid facets applied; kept
        for the resources' query and the values chosen (by key) until a table they read
        is written (`maillage.table_versions`)."""
        values = {}
        if self.is_bound:
            self.form.is_valid()  # fills cleaned_data with the values that validate
            values = self.form.cleaned_data
        chosen = {
            facet: getattr(values.get(facet), "pk", values.get(facet)) for facet in self.FACETS
        }
        sql, params = self.queryset.query.sql_with_params()
        choices = cached(
            key("library:facets", get_language(), sql, [repr(p) for p in params], chosen),
            lambda: self.facet_choices(values),
            FACETS_SECONDS,
        )
        for facet, options in choices.items():
            self.form.fields[facet].widget.choices = options

    def facet_choices(self, values):
        choices = {}
        for facet in self.FACETS:
            resources = self.queryset
            for other in self.FACETS:
                if other != facet:
                    resources = self.filters[other].filter(resources, values.get(other))
            choices[facet] = [
                ("", str(self.EMPTY_LABELS[facet])),
                *(
                    (value, f"{label} ({count})")
                    for value, label, count in resources.facet_counts(facet)
                ),
            ]
        return choices
