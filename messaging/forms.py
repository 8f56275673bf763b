"""The forms of messaging: a message, a new conversation (recipients chosen among the
members of the directory, found by name without JavaScript), the refusal of messages."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from members.models import Profile
from messaging.models import MAX_PARTICIPANTS, MESSAGE_MAX_LENGTH, MessagingPreference, name_of

SEARCH_RESULTS = 10


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Votre message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Texte simple, %(max)s caractères au plus.") % {"max": "5 000"},
    )


def directory_users(sender):
    """Whom the sender may choose: the members of the directory, except themselves."""
    listed = Profile.objects.in_directory().values("user")
    return get_user_model().objects.filter(pk__in=listed).exclude(pk=sender.pk)


def _label(user):
    structure = getattr(getattr(user, "profile", None), "structure_name", "")
    return f"{name_of(user)} — {structure}" if structure else name_of(user)


class NewConversationForm(MessageForm):
    """Recipients are checkboxes; only those already chosen and the results of the name
    search are shown, never the whole directory."""

    recipients = forms.ModelMultipleChoiceField(
        label=_("Destinataires"),
        queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Jusqu’à %(max)s personnes : ajoutez-en en cherchant leur nom ci-dessous.")
        % {"max": MAX_PARTICIPANTS - 1},
    )
    search = forms.CharField(
        label=_("Ajouter un membre de l’annuaire (nom)"), max_length=80, required=False
    )

    field_order = ["recipients", "search", "body"]

    def __init__(self, *args, sender, chosen=(), search="", **kwargs):
        super().__init__(*args, **kwargs)
        users = directory_users(sender)
        self.fields["recipients"].queryset = users
        search = search.strip()[:80]
        shown = list(users.filter(pk__in=chosen).select_related("profile"))
        if search:
            found = users.filter(display_name__unaccent__icontains=search).exclude(
                pk__in=[user.pk for user in shown]
            )
            found = found.select_related("profile").order_by("display_name")
            self.found = list(found[:SEARCH_RESULTS])
            shown += self.found
        else:
            self.found = None
        self.fields["recipients"].widget.choices = [(user.pk, _label(user)) for user in shown]

    def clean_recipients(self):
        recipients = self.cleaned_data["recipients"]
        if len(recipients) + 1 > MAX_PARTICIPANTS:
            raise forms.ValidationError(
                _("Une conversation réunit au plus %(max)s participants, vous compris.")
                % {"max": MAX_PARTICIPANTS}
            )
        return recipients


def chosen_ids(data):
    """The recipient ids a posted form names (ignoring what is not a number)."""
    values = data.getlist("recipients")
    return [int(value) for value in values if value.isdigit() and len(value) < 10][:50]


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = MessagingPreference
        fields = ["accepts_messages"]
