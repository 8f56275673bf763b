from django import forms
from django.utils.translation import gettext_lazy as _

from debates.forms import DateTimeInput
from events.models import Event
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
