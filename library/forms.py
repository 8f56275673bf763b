"""The library's upload form in the Wagtail admin."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from library.validators import check_document


class ResourceAdminForm(BaseDocumentForm):
    """Wagtail's document form, which checks the uploaded file (`check_document`: format,
    size, content, readable text) and keeps its text."""

    class Meta(BaseDocumentForm.Meta):
        widgets = {
            **BaseDocumentForm.Meta.widgets,
            "thematiques": forms.CheckboxSelectMultiple,
        }
        help_texts = {"region": _("Laissez vide pour un document national.")}

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if file and "file" in self.changed_data:
            self.instance.extracted_text = check_document(file)
        return file
