"""The filters of a space's follow-up (status, thématique, territory)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from accountability.models import Result, Status
from content.filters import ThematiqueFilter
from taxonomy.models import Region


class ResultFilterSet(django_filters.FilterSet):
    status = django_filters.ModelChoiceFilter(
        label=_("État"), queryset=Status.objects.none(), empty_label=_("Tous les états")
    )
    thematique = ThematiqueFilter()
    region = django_filters.ModelChoiceFilter(
        label=_("Territoire"), queryset=Region.objects.all(), empty_label=_("Tous les territoires")
    )

    class Meta:
        model = Result
        fields = []

    def __init__(self, data=None, queryset=None, *, space, **kwargs):
        super().__init__(data, queryset, **kwargs)
        self.filters["status"].queryset = Status.objects.filter(space=space)

    @property
    def is_filtering(self):
        """Whether a valid filter is chosen: the list then shows matching results at every
        level; otherwise the top-level results only (children are on their parent's page)."""
        return self.is_bound and self.form.is_valid() and any(self.form.cleaned_data.values())
