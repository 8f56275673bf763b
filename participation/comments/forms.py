from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from participation.comments.models import ReactionKind, Stance


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
