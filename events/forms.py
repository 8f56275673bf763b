from django import forms
from django.utils import timezone
from django.utils.formats import time_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminModelForm

from debates.forms import DateTimeInput
from events.models import Event, QuestionKind, Workshop
from maillage.french_dates import date_format
from participation.spaces.api import SpacePage


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = [
            "format",
            "title",
            "description",
            "start_at",
            "end_at",
            "address",
            "commune",
            "departement",
            "online_url",
            "thematiques",
            "space",
            "capacity",
            "registrations_enabled",
            "registration_opens_at",
            "registration_closes_at",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 8}),
            "start_at": DateTimeInput(),
            "end_at": DateTimeInput(),
            "registration_opens_at": DateTimeInput(),
            "registration_closes_at": DateTimeInput(),
            "thematiques": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["space"].queryset = (
            SpacePage.objects.visible_to(user)
            .filter(modules__contains=["events"])
            .order_by("title")
        )
        self.fields["space"].empty_label = _("Aucune : agenda de tout le réseau")

    def clean(self):
        return check_event(self, super().clean())


class EventAdminForm(WagtailAdminModelForm):
    """The admin's event form (with its programme, workshops, questions and minutes)."""

    def clean(self):
        return check_event(self, super().clean())


def check_event(form, data):
    """The rules both event forms hold: dates in order, a place or a link."""
    start, end = data.get("start_at"), data.get("end_at")
    if start and end and end < start:
        form.add_error("end_at", _("La fin doit suivre le début."))
    if not (data.get("commune") or data.get("online_url")):
        form.add_error(
            "commune",
            _("Indiquez une commune, ou un lien de connexion pour un événement en ligne."),
        )
    opens, closes = data.get("registration_opens_at"), data.get("registration_closes_at")
    if opens and closes and closes <= opens:
        form.add_error("registration_closes_at", _("La clôture doit suivre l’ouverture."))
    return data


class RegistrationForm(forms.Form):
    """The organiser's questions, and the choice of workshops, for one event. Answers are
    checked here (required ones, known options); places in workshops are checked by
    services.register under the event's lock."""

    def __init__(self, *args, event, questions, workshops, places_taken, registration=None, **kw):
        initial = _initial(registration) if registration is not None else {}
        super().__init__(*args, initial=initial, **kw)
        self.questions = questions
        for question in questions:
            self.fields[f"q{question.pk}"] = _question_field(question)
        if workshops:
            self.fields["workshops"] = forms.ModelMultipleChoiceField(
                label=_("Ateliers"),
                queryset=Workshop.objects.filter(event=event),
                required=False,
                widget=forms.CheckboxSelectMultiple,
                help_text=_("Un seul atelier par créneau."),
            )
            self.fields["workshops"].choices = [
                (workshop.pk, _workshop_label(workshop, places_taken.get(workshop.pk, 0)))
                for workshop in workshops
            ]

    def clean_workshops(self):
        chosen = sorted(self.cleaned_data["workshops"], key=lambda w: w.start_at)
        for first, second in zip(chosen, chosen[1:], strict=False):
            if first.overlaps(second):
                raise forms.ValidationError(
                    _("« %(first)s » et « %(second)s » ont lieu en même temps : choisissez-en un.")
                    % {"first": first.title, "second": second.title}
                )
        return chosen

    def answers(self):
        """{question: text}; chosen options one per line."""
        result = {}
        for question in self.questions:
            value = self.cleaned_data.get(f"q{question.pk}")
            result[question] = "\n".join(value) if isinstance(value, list) else (value or "")
        return result


REQUIRED = {"required": _("Cette question demande une réponse.")}


def _question_field(question):
    common = {
        "label": question.label,
        "required": question.required,
        "help_text": question.help_text,
        "error_messages": {
            **REQUIRED,
            "invalid_choice": _("Choisissez parmi les réponses proposées."),
        },
    }
    options = [(option, option) for option in question.option_list]
    if question.kind == QuestionKind.SINGLE:
        return forms.ChoiceField(choices=options, widget=forms.RadioSelect, **common)
    if question.kind == QuestionKind.MULTIPLE:
        return forms.MultipleChoiceField(
            choices=options, widget=forms.CheckboxSelectMultiple, **common
        )
    return forms.CharField(
        max_length=2000, widget=forms.Textarea(attrs={"rows": 3}), strip=True, **common
    )


def _initial(registration):
    initial = {"workshops": [w.pk for w in registration.workshops.all()]}
    for answer in registration.answers.all():
        question = answer.question
        value = answer.value
        initial[f"q{answer.question_id}"] = (
            value.splitlines() if question.kind == QuestionKind.MULTIPLE else value
        )
    return initial


def _workshop_label(workshop, taken):
    when = _("%(start)s – %(end)s") % {
        "start": date_format(timezone.localtime(workshop.start_at), "D j F H:i"),
        "end": time_format(timezone.localtime(workshop.end_at), "H:i"),
    }
    if workshop.capacity is None:
        places = ""
    elif taken >= workshop.capacity:
        places = " · " + str(_("complet"))
    else:
        left = workshop.capacity - taken
        places = " · " + ngettext("%(n)s place", "%(n)s places", left) % {"n": left}
    return f"{workshop.title} ({when}{places})"
