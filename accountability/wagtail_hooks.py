"""Moderators set each space's statuses under Extraits › États de suivi (a space gets the
default ones with its first result)."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from accountability.models import Status


class StatusViewSet(SnippetViewSet):
    model = Status
    icon = "list-ol"
    menu_label = _("États de suivi")
    add_to_admin_menu = True
    menu_order = 320
    list_display = ["name", "space", "progress", "order"]
    list_filter = ["space"]
    ordering = ["space", "order"]


register_snippet(StatusViewSet)
