"""The consent box (sign-up and re-acceptance) and the account deletion form."""

from django import forms
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from privacy.consent import current_documents, record_consents
from privacy.models import ACCEPTED_DOCUMENTS, LegalDocument

CONSENT_REQUIRED = _(
    "Pour continuer, acceptez les conditions d’utilisation et indiquez avoir lu la "
    "politique de données personnelles."
)


class ConsentField(forms.BooleanField):
    """The required box of the sign-up and re-acceptance forms. Its help text links to
    the documents in force, whose versions `record(user)` stores."""

    def __init__(self, **kwargs):
        super().__init__(
            label=_(
                "J’accepte les conditions d’utilisation et j’ai lu la politique de "
                "données personnelles"
            ),
            required=True,
            error_messages={"required": CONSENT_REQUIRED},
            **kwargs,
        )
        self.pages = None

    def get_bound_field(self, form, field_name):
        self._load()
        return super().get_bound_field(form, field_name)

    def _load(self):
        if self.pages is None:
            self.pages = current_documents()
            self.help_text = document_links(self.pages)

    def record(self, user):
        self._load()
        record_consents(user, self.pages.values())


def document_links(pages):
    """Links to the documents in force with their version, for the help text."""
    shown = [pages[document] for document in ACCEPTED_DOCUMENTS if document in pages]
    if not shown:
        return ""
    return format_html(
        "{} {}",
        _("À lire (nouvelle fenêtre) :"),
        format_html_join(
            " · ",
            '<a href="{}" target="_blank" rel="noopener">{} ({} {})</a>',
            (
                (page.url, LegalDocument(page.document).label, _("version"), page.version)
                for page in shown
            ),
        ),
    )


class ReconsentForm(forms.Form):
    accept_terms = ConsentField()


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Votre mot de passe"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=_("Je comprends que la suppression de mon compte est définitive"),
        error_messages={"required": _("Cochez la case pour confirmer la suppression.")},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("Ce mot de passe n’est pas le bon."))
        return password
