import re

from django import forms
from django.utils.translation import gettext_lazy as _

from search.registry import registry

FACET_VALUE = re.compile(r"^[\w:-]{1,120}$")


class ValueListField(forms.Field):
    """Facet values from the query string (``?thematique=a&thematique=b``); unknown ones
    simply match nothing, so only their shape is checked."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        values = [v for v in (value or []) if isinstance(v, str) and FACET_VALUE.match(v)]
        return tuple(dict.fromkeys(values))[:20]


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Rechercher"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )
    kind = ValueListField(required=False)
    thematique = ValueListField(required=False)
    territory = ValueListField(required=False)
    year = ValueListField(required=False)
    sort = forms.ChoiceField(
        label=_("Trier par"),
        required=False,
        choices=[("relevance", _("pertinence")), ("date", _("date"))],
    )
    page = forms.IntegerField(required=False, min_value=1, max_value=500)

    def clean_kind(self):
        kinds = registry.kinds()
        return tuple(k for k in self.cleaned_data["kind"] if k in kinds)

    def search_params(self) -> dict:
        """What is valid in the request; a bad parameter is ignored, not an error page."""
        self.is_valid()
        data = self.cleaned_data
        return {
            "text": data.get("q") or "",
            "filters": {
                name: data.get(name) or () for name in ("kind", "thematique", "territory", "year")
            },
            "sort": data.get("sort") or "relevance",
            "page": data.get("page") or 1,
        }
