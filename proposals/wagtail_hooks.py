"""Administrators set each space's vote rules under Extraits › Réglages des propositions."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from proposals.models import ProposalSettings


class ProposalSettingsViewSet(SnippetViewSet):
    model = ProposalSettings
    icon = "tasks"
    menu_label = _("Réglages des propositions")
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["space", "vote_limit", "threshold", "hide_counts_during_vote"]


register_snippet(ProposalSettingsViewSet)
