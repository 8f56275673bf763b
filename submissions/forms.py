"""The site forms of member submissions: a resource (the library's checks on the file)
and a retour d'expérience (the fields editors fill in the admin, in plain text)."""

import re

from django import forms
from django.utils.html import escape, strip_tags
from django.utils.translation import gettext_lazy as _

from editorial.models import ExperiencePage
from library.models import ResourceSubmission
from library.validators import check_document

# The buttons of both forms: keep working on the draft, or send it to the editors.
SAVE, SUBMIT = "save", "submit"


class ResourceSubmissionForm(forms.ModelForm):
    class Meta:
        model = ResourceSubmission
        fields = [
            "title",
            "file",
            "resource_type",
            "year",
            "source",
            "thematiques",
            "region",
            "departement",
            "description",
        ]
        widgets = {
            "thematiques": forms.CheckboxSelectMultiple,
            "description": forms.Textarea(attrs={"rows": 5}),
            # The stored file has no public address: the edit page links to its download.
            "file": forms.FileInput,
        }
        help_texts = {
            "file": _(
                "PDF, DOCX, ODT, XLSX, ODS, PPTX, ODP, CSV, PNG ou JPG, 20 Mo au plus ; le "
                "fichier reste privé jusqu’à la publication."
            ),
            "region": _("Laissez vide pour un document national."),
        }

    def clean_file(self):
        """The library's own checks (`check_document`); the text read is kept."""
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            self.instance.extracted_text = check_document(file)
            self.instance.file_name = file.name[-255:]
        return file


def text_to_html(text):
    """Plain text typed by a member as the rich text Wagtail stores: escaped, one
    paragraph per blank-line-separated block."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text.strip()) if p.strip()]
    return "".join(
        "<p>{}</p>".format("<br/>".join(escape(line) for line in p.splitlines()))
        for p in paragraphs
    )


def html_to_text(html):
    """The reverse, to edit again what `text_to_html` wrote (links and emphasis an
    editor added are reduced to their text)."""
    html = re.sub(r"<br\s*/?>", "\n", html or "")
    html = re.sub(r"</p>\s*", "\n\n", html)
    return strip_tags(html).strip()


class RichTextAsPlainText(forms.CharField):
    widget = forms.Textarea(attrs={"rows": 6})

    def prepare_value(self, value):
        return html_to_text(value) if value and "<" in value else value

    def clean(self, value):
        return text_to_html(super().clean(value))


class ExperienceSubmissionForm(forms.ModelForm):
    RICH_TEXT = ("context", "approach", "results", "vigilance")

    class Meta:
        model = ExperiencePage
        fields = [
            "title",
            "introduction",
            "region",
            "departement",
            "commune",
            "quartier",
            "structure",
            "year",
            "public",
            "thematiques",
            "context",
            "approach",
            "results",
            "vigilance",
        ]
        widgets = {
            "thematiques": forms.CheckboxSelectMultiple,
            "introduction": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in self.RICH_TEXT:
            model_field = ExperiencePage._meta.get_field(name)
            self.fields[name] = RichTextAsPlainText(
                label=self.fields[name].label,
                required=False,
                help_text=model_field.help_text,
            )
        self.fields["title"].label = _("Titre")
