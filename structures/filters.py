"""The filters of the structures list."""

import django_filters
from django.utils.translation import gettext_lazy as _

from members.models import StructureType
from taxonomy.models import Region


class StructureFilterSet(django_filters.FilterSet):
    """Structures by name (accents ignored), type and région."""

    q = django_filters.CharFilter(
        label=_("Nom"), field_name="name", lookup_expr="unaccent__icontains"
    )
    type = django_filters.ChoiceFilter(
        label=_("Type de structure"), choices=StructureType.choices, empty_label=_("Tous")
    )
    region = django_filters.ModelChoiceFilter(
        label=_("Région"), queryset=Region.objects.all(), empty_label=_("Toutes")
    )
