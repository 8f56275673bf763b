"""The public faceted filter of the library."""

from django import forms
from django.utils.translation import gettext_lazy as _

from library.choices import ResourceType
from taxonomy.models import Region, Thematique

SORT_CHOICES = [
    ("recent", _("Les derniers ajoutés")),
    ("year", _("Année de publication")),
    ("title", _("Titre (A → Z)")),
]


class ResourceFilterForm(forms.Form):
    """Facets of the library; each option shows how many documents it would give,
    counted with the other facets applied."""

    FACETS = ("resource_type", "thematique", "year", "region")

    resource_type = forms.ChoiceField(label=_("Type"), required=False)
    thematique = forms.ModelChoiceField(
        Thematique.objects.all(), label=_("Thématique"), to_field_name="slug", required=False
    )
    year = forms.IntegerField(
        label=_("Année"), required=False, widget=forms.Select, min_value=1970, max_value=2100
    )
    region = forms.ModelChoiceField(Region.objects.all(), label=_("Territoire"), required=False)
    sort = forms.ChoiceField(label=_("Trier par"), choices=SORT_CHOICES, required=False)

    EMPTY_LABELS = {
        "resource_type": _("Tous les types"),
        "thematique": _("Toutes les thématiques"),
        "year": _("Toutes les années"),
        "region": _("Tous les territoires"),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["resource_type"].choices = [("", ""), *ResourceType.choices]

    def filter(self, resources):
        """The resources matching the valid filters; sets each facet's options and counts."""
        values = self.cleaned_data if self.is_valid() else {}
        if not self.is_bound:
            self.cleaned_data = {}
        filters = {facet: values.get(facet) for facet in self.FACETS}
        for facet in self.FACETS:
            others = {name: value for name, value in filters.items() if name != facet}
            counts = resources.filter_facets(**others).facet_counts(facet)
            self.fields[facet].widget.choices = [
                ("", self.EMPTY_LABELS[facet]),
                *((value, f"{label} ({count})") for value, label, count in counts),
            ]
        return resources.filter_facets(**filters)
