"""Filters of the editorial index pages (GET forms: every filtered list has its own URL)."""

from django import forms
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from taxonomy.models import Departement, Region, Thematique


def year_choices(years):
    return [("", _("Toutes les années")), *((str(year), str(year)) for year in years)]


class ThematiqueFilterForm(forms.Form):
    thematique = forms.ModelChoiceField(
        Thematique.objects.all(),
        label=_("Thématique"),
        to_field_name="slug",
        required=False,
        empty_label=_("Toutes les thématiques"),
    )
    year = forms.TypedChoiceField(label=_("Année"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, years=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices(years)


class NewsFilterForm(ThematiqueFilterForm):
    tag = forms.ModelChoiceField(
        Tag.objects.none(),
        label=_("Mot-clé"),
        to_field_name="slug",
        required=False,
        empty_label=_("Tous les mots-clés"),
    )

    def __init__(self, *args, tags=None, **kwargs):
        super().__init__(*args, **kwargs)
        if tags is not None:
            self.fields["tag"].queryset = tags


class ExperienceFilterForm(ThematiqueFilterForm):
    region = forms.ModelChoiceField(
        Region.objects.all(),
        label=_("Région"),
        required=False,
        empty_label=_("Toutes les régions"),
    )
    departement = forms.ModelChoiceField(
        Departement.objects.all(),
        label=_("Département"),
        to_field_name="code",
        required=False,
        empty_label=_("Tous les départements"),
    )
