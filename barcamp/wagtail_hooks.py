"""Editors set up a barcamp or open forum under « Barcamps et forums ouverts »: the event,
its rules, its rooms (with their places) and its time slots."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from barcamp.models import BarcampSettings


class BarcampSettingsViewSet(SnippetViewSet):
    model = BarcampSettings
    icon = "group"
    menu_label = _("Barcamps et forums ouverts")
    add_to_admin_menu = True
    menu_order = 320
    list_display = ["event", "mode", "vote_limit", "schedule_published"]
    list_filter = ["mode", "schedule_published"]
    search_fields = ["event__title"]


register_snippet(BarcampSettingsViewSet)
