"""The moderators' forms of the follow-up: a result, a timeline entry, results from
accepted proposals, and the CSV import."""

from pathlib import PurePath

from django import forms
from django.conf import settings
from django.db.models import Q
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from wagtail.documents import get_document_model

from accountability.models import Result, Status
from accountability.services import accepted_without_result
from debates.models import Debate
from events.models import Event
from library.extraction import ExtractionError, extract_text
from proposals.models import Proposal, State
from structures.models import Structure

ATTACHMENT_MAX_SIZE = 10 * 1024 * 1024
IMPORT_MAX_SIZE = 1024 * 1024


def space_resources(space, also=None):
    """The library's resources on the space's thématiques (and those matching `also`, a
    Q of resources already linked), which a result or an entry may link to."""
    condition = Q(thematiques__in=space.thematiques.values("pk"))
    if also:
        condition |= also
    return get_document_model().objects.filter(condition).distinct().order_by("title")


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class ResultForm(forms.ModelForm):
    class Meta:
        model = Result
        fields = [
            "title",
            "reference",
            "description",
            "parent",
            "status",
            "progress",
            "start_date",
            "end_date",
            "thematiques",
            "region",
            "departement",
            "structure",
            "proposals",
            "debates",
            "events",
            "resources",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 6}),
            "start_date": DateInput(),
            "end_date": DateInput(),
            "thematiques": forms.CheckboxSelectMultiple,
            "proposals": forms.CheckboxSelectMultiple,
            "debates": forms.CheckboxSelectMultiple,
            "events": forms.CheckboxSelectMultiple,
            "resources": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "resources": _("Les ressources de la bibliothèque sur les thématiques de la démarche."),
        }

    def __init__(self, *args, space, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.space = space
        fields = self.fields
        parents = Result.objects.filter(space=space)
        if self.instance.pk:
            parents = parents.exclude(pk=self.instance.pk)
        fields["parent"].queryset = parents.order_by("title")
        fields["status"].queryset = Status.objects.filter(space=space)
        fields["structure"].queryset = Structure.objects.validated()
        fields["debates"].queryset = Debate.objects.visible().filter(space=space)
        fields["events"].queryset = Event.objects.filter(space=space).order_by("-start_at")
        linked = Q(pk__in=self.instance.resources.values("pk")) if self.instance.pk else Q()
        fields["resources"].queryset = space_resources(space, linked)
        # The proposals a result may answer: those the moderators answered, not rejected.
        answered = Q(state__in=[State.ACCEPTED, State.IMPLEMENTED, State.EVALUATING])
        if self.instance.pk:
            answered |= Q(pk__in=self.instance.proposals.values("pk"))
        fields["proposals"].queryset = Proposal.objects.listed().filter(answered, space=space)
        for name in ("proposals", "debates", "events", "resources"):
            if not fields[name].queryset.exists():
                del fields[name]  # nothing to link: no empty fieldset


class EntryForm(forms.Form):
    date = forms.DateField(label=_("Date"), widget=DateInput())
    text = forms.CharField(
        label=_("Ce qui a avancé"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Texte simple : les adresses web deviennent des liens."),
    )
    status = forms.ModelChoiceField(
        label=_("Nouvel état"),
        queryset=Status.objects.none(),
        required=False,
        empty_label=_("Inchangé"),
    )
    document = forms.ModelChoiceField(
        label=_("Ressource de la bibliothèque"),
        queryset=get_document_model().objects.none(),
        required=False,
        empty_label=_("Aucune"),
        help_text=_("Une ressource déjà publiée, sur les thématiques de la démarche."),
    )
    attachment = forms.FileField(
        label=_("Document joint"),
        required=False,
        help_text=_("PDF, traitement de texte, tableur, présentation ou image ; 10 Mo au plus."),
    )

    def __init__(self, *args, result, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].queryset = Status.objects.filter(space_id=result.space_id)
        self.fields["document"].queryset = space_resources(result.space)

    def clean_attachment(self):
        """The library's checks: an accepted format, and a document whose text can be read
        (a protected or damaged PDF, DOCX or ODT is refused with the library's message)."""
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        name = PurePath(upload.name).name
        extension = PurePath(name).suffix.lower().lstrip(".")
        if extension not in settings.WAGTAILDOCS_EXTENSIONS:
            raise forms.ValidationError(
                _("« %(name)s » : format refusé. Formats acceptés : %(formats)s."),
                params={"name": name, "formats": ", ".join(settings.WAGTAILDOCS_EXTENSIONS)},
            )
        if upload.size > ATTACHMENT_MAX_SIZE:
            raise forms.ValidationError(
                _("« %(name)s » dépasse %(max)s."),
                params={"name": name, "max": filesizeformat(ATTACHMENT_MAX_SIZE)},
            )
        try:
            extract_text(upload, name)
        except ExtractionError as error:
            raise forms.ValidationError(str(error)) from error
        upload.name = name
        return upload


class FromProposalsForm(forms.Form):
    proposals = forms.ModelMultipleChoiceField(
        label=_("Propositions acceptées sans chantier"),
        queryset=Proposal.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Cochez au moins une proposition.")},
    )

    def __init__(self, *args, space, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["proposals"].queryset = accepted_without_result(space)


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier CSV"),
        help_text=_(
            "Encodé en UTF-8, séparé par des virgules ou des points-virgules ; 1 Mo au plus."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,text/csv"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > IMPORT_MAX_SIZE:
            raise forms.ValidationError(
                _("Le fichier dépasse %(max)s."), params={"max": filesizeformat(IMPORT_MAX_SIZE)}
            )
        try:
            return upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise forms.ValidationError(
                _("Le fichier n’est pas encodé en UTF-8 : enregistrez-le en « CSV UTF-8 ».")
            ) from error
