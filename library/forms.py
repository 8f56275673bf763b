"""The library's upload form in the Wagtail admin."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from library.extraction import ExtractionError, extract_text


class ResourceAdminForm(BaseDocumentForm):
    """Wagtail's document form, which reads the text of the uploaded file and refuses,
    with a message the editor understands, a file that cannot be read."""

    class Meta(BaseDocumentForm.Meta):
        widgets = {
            **BaseDocumentForm.Meta.widgets,
            "thematiques": forms.CheckboxSelectMultiple,
        }
        help_texts = {"region": _("Laissez vide pour un document national.")}

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            try:
                self.instance.extracted_text = extract_text(file, file.name)
            except ExtractionError as error:
                raise ValidationError(str(error), code="unreadable") from error
        return file
