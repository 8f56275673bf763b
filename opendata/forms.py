"""The filters of the widgets and of the map, read from the query string: a value that
does not exist gives a French message on the form, never an error page."""

from django import forms
from django.utils.translation import gettext_lazy as _

from taxonomy.models import Departement, Region, Thematique


class TerritoryFilterForm(forms.Form):
    thematique = forms.ModelChoiceField(
        Thematique.objects.all(),
        to_field_name="slug",
        required=False,
        label=_("Thématique"),
        empty_label=_("Toutes les thématiques"),
    )
    region = forms.ModelChoiceField(
        Region.objects.all(),
        to_field_name="code",
        required=False,
        label=_("Région"),
        empty_label=_("Toutes les régions"),
    )
    departement = forms.ModelChoiceField(
        Departement.objects.select_related("region").order_by("code"),
        to_field_name="code",
        required=False,
        label=_("Département"),
        empty_label=_("Tous les départements"),
    )

    def clean(self):
        data = super().clean()
        region, departement = data.get("region"), data.get("departement")
        if region and departement and departement.region_id != region.pk:
            self.add_error(
                "departement",
                _("Ce département n’appartient pas à la région choisie (%(region)s).")
                % {"region": region},
            )
        return data

    def filters(self):
        """The valid choices, or None when the query string holds a wrong value."""
        if not self.is_valid():
            return None
        return {name: value for name, value in self.cleaned_data.items() if value}


class WidgetForm(TerritoryFilterForm):
    KINDS = [("agenda", _("Agenda : les prochains événements")), ("actualites", _("Actualités"))]

    kind = forms.ChoiceField(label=_("Contenu"), choices=KINDS, required=False)
    nombre = forms.IntegerField(
        label=_("Nombre d’éléments"),
        min_value=1,
        max_value=20,
        required=False,
        help_text=_("De 1 à 20 ; 5 si vide."),
    )

    field_order = ["kind", "thematique", "region", "departement", "nombre"]


class MapFilterForm(TerritoryFilterForm):
    KINDS = [
        ("", _("Tout")),
        ("evenements", _("Événements à venir")),
        ("retours", _("Retours d’expérience")),
        ("structures", _("Structures")),
    ]

    type = forms.ChoiceField(label=_("Afficher"), choices=KINDS, required=False)

    field_order = ["type", "thematique", "region", "departement"]
