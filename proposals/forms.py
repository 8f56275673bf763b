from pathlib import Path

from django import forms
from django.contrib.auth import get_user_model
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

from proposals.models import AttachmentKind, Proposal, State
from taxonomy.models import Region, Thematique

ATTACHMENT_MAX_SIZE = 5 * 1024 * 1024
ATTACHMENTS_MAX = 5
IMAGE_FORMATS = {"PNG": "png", "JPEG": "jpg", "GIF": "gif", "WEBP": "webp"}


def check_attachment(upload):
    """(kind, extension) read from the file's content, never from its name: a PDF starts
    with %PDF-, an image must be one Pillow fully decodes the header of."""
    name = Path(upload.name).name
    if upload.size > ATTACHMENT_MAX_SIZE:
        raise forms.ValidationError(
            _("« %(name)s » dépasse %(max)s."),
            params={"name": name, "max": filesizeformat(ATTACHMENT_MAX_SIZE)},
        )
    upload.seek(0)
    head = upload.read(5)
    upload.seek(0)
    if head == b"%PDF-":
        return AttachmentKind.PDF, "pdf"
    try:
        with Image.open(upload) as image:
            image.verify()
            extension = IMAGE_FORMATS.get(image.format)
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        extension = None
    finally:
        upload.seek(0)
    if extension is None:
        raise forms.ValidationError(
            _("« %(name)s » n’est ni un PDF ni une image (PNG, JPEG, GIF, WebP)."),
            params={"name": name},
        )
    return AttachmentKind.IMAGE, extension


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": ".pdf,image/*"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(item, initial) for item in data]
        return [single(data, initial)] if data else []


class ProposalForm(forms.ModelForm):
    attachments = MultipleFileField(
        label=_("Pièces jointes"),
        required=False,
        help_text=_("PDF ou images, 5 Mo au plus chacun, 5 fichiers au plus."),
    )

    class Meta:
        model = Proposal
        fields = ["title", "body", "thematiques", "tags", "departement", "region"]
        widgets = {
            "body": forms.Textarea(attrs={"rows": 10}),
            "thematiques": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "title": _(
                "15 à 150 caractères. Les propositions proches s’affichent pendant la saisie."
            ),
            "departement": _("Facultatif : si la proposition concerne un territoire."),
        }

    def __init__(self, *args, space, similar_url=None, existing_attachments=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.existing_attachments = existing_attachments
        chosen = space.thematiques.all()
        self.fields["thematiques"].queryset = chosen if chosen else Thematique.objects.all()
        self.fields["departement"].queryset = self.fields["departement"].queryset.order_by("code")
        self.fields["region"].help_text = _("Ou la région entière.")
        if similar_url:
            self.fields["title"].widget.attrs.update(
                {
                    "hx-get": similar_url,
                    "hx-trigger": "input changed delay:400ms",
                    "hx-target": "#propositions-similaires",
                    "hx-swap": "innerHTML",
                    "autocomplete": "off",
                }
            )

    def clean_title(self):
        title = " ".join(self.cleaned_data["title"].split())
        letters = [c for c in title if c.isalpha()]
        if len(letters) > 10 and all(c.isupper() for c in letters):
            raise forms.ValidationError(_("Évitez d’écrire le titre en majuscules."))
        return title

    def clean_attachments(self):
        files = self.cleaned_data["attachments"]
        if self.existing_attachments + len(files) > ATTACHMENTS_MAX:
            raise forms.ValidationError(
                _("%(max)d pièces jointes au plus par proposition."),
                params={"max": ATTACHMENTS_MAX},
            )
        self.checked_attachments = [(upload, *check_attachment(upload)) for upload in files]
        return files

    def clean(self):
        data = super().clean()
        if data.get("departement"):
            data["region"] = data["departement"].region
        return data

    def proposal_fields(self):
        """The cleaned values the authoring services take."""
        data = self.cleaned_data
        return {
            "title": data["title"],
            "body": data["body"],
            "thematiques": data["thematiques"],
            "tags": data["tags"],
            "departement": data["departement"],
            "region": data["region"],
        }


class InviteForm(forms.Form):
    email = forms.EmailField(
        label=_("E-mail du membre à inviter"),
        help_text=_("Le membre reçoit une notification et accepte ou refuse de co-signer."),
    )

    def clean_email(self):
        email = self.cleaned_data["email"]
        user = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("Aucun membre n’a cette adresse e-mail."))
        self.invitee = user
        return email


class AnswerForm(forms.ModelForm):
    class Meta:
        model = Proposal
        fields = ["state", "answer"]
        widgets = {"answer": forms.Textarea(attrs={"rows": 6})}
        labels = {"state": _("État"), "answer": _("Réponse publique")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["state"].required = True
        self.fields["state"].choices = State.choices
        self.fields["answer"].required = True


class MergeForm(forms.Form):
    kept = forms.ModelChoiceField(
        label=_("Proposition à conserver"),
        queryset=Proposal.objects.none(),
        help_text=_(
            "Les votes de cette proposition-ci y sont reportés (un membre qui a soutenu les "
            "deux garde un seul vote) ; elle renverra vers la proposition conservée."
        ),
    )

    def __init__(self, *args, proposal, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kept"].queryset = (
            Proposal.objects.listed().filter(space_id=proposal.space_id).exclude(pk=proposal.pk)
        )
        self.fields["kept"].label_from_instance = lambda p: f"n° {p.pk} · {p.title}"


ORDERS = [
    ("random", _("Aléatoire")),
    ("votes", _("Les plus soutenues")),
    ("recent", _("Les plus récentes")),
    ("comments", _("Les plus commentées")),
]


class FilterForm(forms.Form):
    """The list's filters; the view fills the choices with their counts."""

    q = forms.CharField(label=_("Rechercher"), required=False, max_length=200)
    state = forms.ChoiceField(label=_("État"), required=False)
    thematique = forms.ChoiceField(label=_("Thématique"), required=False)
    region = forms.ModelChoiceField(
        label=_("Territoire"),
        queryset=Region.objects.all(),
        required=False,
        empty_label=_("Tous les territoires"),
    )
    tag = forms.CharField(
        label=_("Mot-clé"), required=False, max_length=100, widget=forms.HiddenInput
    )
    mine = forms.BooleanField(label=_("Mes propositions"), required=False)
    voted = forms.BooleanField(label=_("Celles que je soutiens"), required=False)
    withdrawn = forms.BooleanField(label=_("Propositions retirées"), required=False)
    order = forms.ChoiceField(label=_("Trier"), choices=ORDERS, required=False)
