from django import forms
from django.utils.translation import gettext_lazy as _

from participation.moderation.models import ReportReason


class ReportForm(forms.Form):
    reason = forms.ChoiceField(
        label=_("Motif"), choices=ReportReason.choices, widget=forms.RadioSelect
    )
    details = forms.CharField(
        label=_("Précisions (facultatif)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ModerationForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif (consigné dans le journal)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
