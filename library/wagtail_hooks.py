"""Proposed resources in the admin: a snippet listing for the reviewers, whose edit view
carries the "Relecture" workflow's actions (approve = publish into the library, ask for
changes) like a page's."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, Panel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from library.models import ResourceSubmission


class PrivateFilePanel(Panel):
    """The proposed file, through its private download (it has no public address, so
    Wagtail's file input, which shows one, cannot be used)."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "library/admin/private_file_panel.html"


class ResourceSubmissionViewSet(SnippetViewSet):
    model = ResourceSubmission
    icon = "doc-full"
    menu_label = _("Ressources proposées")
    add_to_admin_menu = True
    menu_order = 330
    list_display = ["title", "submitted_by", "created_at"]
    search_fields = ["title", "description"]
    panels = [
        FieldPanel("title"),
        PrivateFilePanel(heading=_("Fichier")),
        FieldRowPanel([FieldPanel("resource_type"), FieldPanel("year")]),
        FieldPanel("source"),
        FieldPanel("thematiques", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("region"), FieldPanel("departement")])],
            heading=_("Territoire"),
        ),
        FieldPanel("description"),
    ]


register_snippet(ResourceSubmissionViewSet)
