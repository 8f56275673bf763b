from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from participation.models import NotificationSettings, ReactionKind, ReportReason, Stance


class CommentForm(forms.Form):
    comment = forms.CharField(
        label=_("Votre commentaire"),
        max_length=getattr(settings, "COMMENT_MAX_LENGTH", 3000),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Texte simple : les liens et les retours à la ligne sont conservés."),
    )
    stance = forms.ChoiceField(
        label=_("Votre position"),
        choices=[("", _("Sans position")), *Stance.choices],
        required=False,
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, with_stance=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not with_stance:
            del self.fields["stance"]

    def clean_comment(self):
        text = self.cleaned_data["comment"].strip()
        if not text:
            raise forms.ValidationError(_("Le commentaire est vide."))
        return text


class CommentEditForm(forms.Form):
    comment = CommentForm.base_fields["comment"]


class ReactionForm(forms.Form):
    kind = forms.ChoiceField(choices=ReactionKind.choices)


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


class NotificationSettingsForm(forms.ModelForm):
    class Meta:
        model = NotificationSettings
        fields = ["email_frequency"]
        widgets = {"email_frequency": forms.RadioSelect}


class ModerationForm(forms.Form):
    reason = forms.CharField(
        label=_("Motif (consigné dans le journal)"),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
