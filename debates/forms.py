from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms.models import ModelChoiceIterator
from django.utils.translation import gettext_lazy as _

from debates.models import Debate, DebateStatus
from participation.spaces.api import SpacePage, cached_space
from taxonomy.models import Thematique


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%dT%H:%M", **kwargs)


class DebateForm(forms.ModelForm):
    class Meta:
        model = Debate
        fields = ["title", "description", "instructions", "start_at", "end_at", "thematiques"]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "instructions": forms.Textarea(attrs={"rows": 3}),
            "start_at": DateTimeInput(),
            "end_at": DateTimeInput(),
            "thematiques": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "title": _(
                "Une question ouverte, par exemple « Faut-il mutualiser les postes "
                "d’adultes-relais entre quartiers ? »"
            ),
            "start_at": _("Laisser vide pour ouvrir le débat dès sa publication."),
            "end_at": _("Laisser vide : un modérateur clôt le débat en publiant ses conclusions."),
        }

    def clean(self):
        data = super().clean()
        start, end = data.get("start_at"), data.get("end_at")
        if start and end and end <= start:
            self.add_error("end_at", _("La clôture doit suivre l’ouverture."))
        return data


class CloseDebateForm(forms.ModelForm):
    class Meta:
        model = Debate
        fields = ["conclusions"]
        widgets = {"conclusions": forms.Textarea(attrs={"rows": 8})}
        help_texts = {
            "conclusions": _(
                "Ce qui ressort des échanges : points d’accord, désaccords, suites "
                "données. Les personnes qui suivent le débat sont prévenues."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["conclusions"].required = True


class LazyChoiceIterator(ModelChoiceIterator):
    """Choices that ask the field for its queryset when read, not when made."""

    def __init__(self, field):
        self.field = field

    @property
    def queryset(self):
        return self.field.queryset


class LazyModelChoiceField(forms.ModelChoiceField):
    """A ModelChoiceField whose queryset is built on its first use, by `build()`: a list
    whose filters come from a cached fragment, and whose query string names no choice,
    never builds it (building the spaces a member sees took a millisecond or more)."""

    build = None
    iterator = LazyChoiceIterator

    def _get_queryset(self):
        if self._queryset is None and self.build is not None:
            self._queryset = self.build().all()
        return self._queryset

    queryset = property(_get_queryset, forms.ModelChoiceField._set_queryset)


class DebateSpaceField(LazyModelChoiceField):
    """The space filter: a value is checked as `DebateFilterForm`'s queryset would (a
    live space that uses debates and that the user sees), with the space from the exact
    cache rather than through a query built for it."""

    user = None

    def to_python(self, value):
        if value in self.empty_values:
            return None
        try:
            space = cached_space(live=True, pk=int(value))
        except (TypeError, ValueError):
            space = None
        if space is None or not space.uses("debates") or not space.is_visible_to(self.user):
            raise ValidationError(
                self.error_messages["invalid_choice"],
                code="invalid_choice",
                params={"value": value},
            )
        return space


class DebateFilterForm(forms.Form):
    SORTS = [
        ("recent", _("Les plus récents")),
        ("commented", _("Les plus commentés")),
        ("oldest", _("Les plus anciens")),
    ]

    q = forms.CharField(label=_("Mots-clés"), required=False)
    space = DebateSpaceField(
        label=_("Démarche"),
        required=False,
        queryset=SpacePage.objects.none(),
        empty_label=_("Toutes"),
    )
    status = forms.ChoiceField(
        label=_("État"), required=False, choices=[("", _("Tous")), *DebateStatus.choices]
    )
    thematique = forms.ModelChoiceField(
        label=_("Thématique"),
        required=False,
        queryset=Thematique.objects.all(),
        empty_label=_("Toutes"),
        to_field_name="slug",
    )
    sort = forms.ChoiceField(label=_("Trier par"), required=False, choices=SORTS)

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        space = self.fields["space"]
        space._queryset = None
        space.user = user
        space.build = lambda: (
            SpacePage.objects.visible_to(user)
            .filter(modules__contains=["debates"])
            .order_by("title")
        )
        space.widget.choices = space.choices

    def filter(self, debates):
        return self.narrow(debates).order_by(*self.ordering())

    def narrow(self, debates):
        """`debates` filtered by the valid filters, in no particular order."""
        if not self.is_valid():
            return debates
        data = self.cleaned_data
        if data["q"]:
            words = data["q"].strip()
            debates = debates.filter(
                Q(title__unaccent__icontains=words) | Q(description__unaccent__icontains=words)
            )
        if data["space"]:
            debates = debates.filter(space=data["space"])
        if data["status"]:
            debates = debates.with_status(data["status"])
        if data["thematique"]:
            debates = debates.filter(thematiques=data["thematique"])
        return debates

    def ordering(self):
        sort = self.cleaned_data["sort"] if self.is_valid() else ""
        return {
            "commented": ["-comments_count", "-created_at", "-pk"],
            "oldest": ["created_at", "pk"],
        }.get(sort, ["-created_at", "-pk"])
