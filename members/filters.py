"""The filters of the members directory."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from content.filters import ThematiqueFilter
from members.models import StructureType
from taxonomy.models import Region


class DirectoryFilterSet(django_filters.FilterSet):
    """Members by name, structure or job (accents ignored), structure type, région and
    thématique of interest."""

    q = django_filters.CharFilter(label=_("Nom, structure ou fonction"), method="search")
    structure_type = django_filters.ChoiceFilter(
        label=_("Type de structure"), choices=StructureType.choices, empty_label=_("Tous")
    )
    region = django_filters.ModelChoiceFilter(
        label=_("Région"), queryset=Region.objects.all(), empty_label=_("Toutes")
    )
    thematique = ThematiqueFilter(empty_label=_("Toutes"))

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(user__display_name__unaccent__icontains=value)
            | Q(structure_name__unaccent__icontains=value)
            | Q(job_title__unaccent__icontains=value)
        )
