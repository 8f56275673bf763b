from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from barcamp.models import PITCH_MAX_LENGTH, Session
from taxonomy.models import Thematique


class SessionForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = ["title", "pitch", "thematique"]
        widgets = {"pitch": forms.Textarea(attrs={"rows": 4, "maxlength": PITCH_MAX_LENGTH})}
        error_messages = {
            "pitch": {
                "max_length": _(
                    "Le pitch tient en %(limit_value)d caractères au plus : le vôtre en "
                    "compte %(show_value)d. Raccourcissez-le, votre texte est conservé."
                )
            }
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["thematique"].queryset = Thematique.objects.order_by("name")
        self.fields["thematique"].empty_label = _("Aucune")


def room_label(room):
    return ngettext(
        "%(name)s (%(capacity)d place)", "%(name)s (%(capacity)d places)", room.capacity
    ) % {"name": room.name, "capacity": room.capacity}


class PlacementForm(forms.Form):
    """The cell of one session. Choices come from lists read once per page, so that a
    page of many sessions makes no query per form."""

    slot = forms.TypedChoiceField(label=_("Créneau"), coerce=int, required=False, empty_value=None)
    room = forms.TypedChoiceField(label=_("Salle"), coerce=int, required=False, empty_value=None)

    def __init__(self, *args, slots, rooms, **kwargs):
        super().__init__(*args, **kwargs)
        self.slots = {slot.pk: slot for slot in slots}
        self.rooms = {room.pk: room for room in rooms}
        self.fields["slot"].choices = [("", _("Hors grille"))] + [(s.pk, str(s)) for s in slots]
        self.fields["room"].choices = [("", _("Hors grille"))] + [
            (r.pk, room_label(r)) for r in rooms
        ]

    def clean(self):
        data = super().clean()
        slot, room = data.get("slot"), data.get("room")
        if self.errors:
            return data
        if (slot is None) != (room is None):
            raise forms.ValidationError(
                _("Choisissez à la fois un créneau et une salle, ou « Hors grille » pour les deux.")
            )
        data["slot"] = self.slots.get(slot) if slot is not None else None
        data["room"] = self.rooms.get(room) if room is not None else None
        return data


class NotesForm(forms.ModelForm):
    class Meta:
        model = Session
        fields = ["notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 8})}
