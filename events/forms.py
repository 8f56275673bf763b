import calendar
from datetime import date, datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from debates.forms import DateTimeInput
from events.models import Event, EventType
from participation.spaces.api import SpacePage
from taxonomy.models import Region, Thematique


class EventForm(forms.ModelForm):
    class Meta:
        model = Event
        fields = [
            "event_type",
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
        data = super().clean()
        start, end = data.get("start_at"), data.get("end_at")
        if start and end and end < start:
            self.add_error("end_at", _("La fin doit suivre le début."))
        if not (data.get("commune") or data.get("online_url")):
            self.add_error(
                "commune",
                _("Indiquez une commune, ou un lien de connexion pour un événement en ligne."),
            )
        opens, closes = data.get("registration_opens_at"), data.get("registration_closes_at")
        if opens and closes and closes <= opens:
            self.add_error("registration_closes_at", _("La clôture doit suivre l’ouverture."))
        return data


class AgendaFilterForm(forms.Form):
    when = forms.ChoiceField(
        label=_("Période"),
        required=False,
        choices=[("", _("À venir")), ("past", _("Passés"))],
    )
    event_type = forms.ChoiceField(
        label=_("Type"), required=False, choices=[("", _("Tous")), *EventType.choices]
    )
    thematique = forms.ModelChoiceField(
        label=_("Thématique"),
        required=False,
        queryset=Thematique.objects.all(),
        empty_label=_("Toutes"),
        to_field_name="slug",
    )
    region = forms.ModelChoiceField(
        label=_("Région"), required=False, queryset=Region.objects.all(), empty_label=_("Toutes")
    )
    month = forms.DateField(
        label=_("Mois"),
        required=False,
        input_formats=["%Y-%m"],
        widget=forms.DateInput(attrs={"type": "month", "placeholder": "2026-03"}, format="%Y-%m"),
        help_text=_("Au format AAAA-MM, par exemple 2026-03."),
    )

    def filter(self, events):
        """A chosen month shows that month in order; otherwise upcoming events come
        first and past ones are one choice away."""
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("month"):
            month = data["month"]
            events = events.filter(
                start_at__gte=_month_start(month), start_at__lt=_month_start(_next_month(month))
            ).order_by("start_at", "pk")
        elif data.get("when") == "past":
            events = events.past()
        else:
            events = events.upcoming()
        if data.get("event_type"):
            events = events.filter(event_type=data["event_type"])
        if data.get("thematique"):
            events = events.filter(thematiques=data["thematique"])
        if data.get("region"):
            events = events.filter(departement__region=data["region"])
        return events


def _month_start(day):
    return timezone.make_aware(datetime.combine(date(day.year, day.month, 1), time.min))


def _next_month(day):
    last = calendar.monthrange(day.year, day.month)[1]
    return date(day.year, day.month, last) + timedelta(days=1)
