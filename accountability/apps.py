from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountabilityConfig(AppConfig):
    name = "accountability"
    verbose_name = _("Suivi des priorités")

    def ready(self):
        from accountability.models import Result
        from accountability.notifications import PROGRESS_KIND
        from accountability.rules import MODULE
        from accountability.views import proposal_panel_context, space_section_context
        from participation import registry
        from proposals.models import Proposal

        registry.register_module(
            MODULE,
            label=_("Suivi des priorités"),
            section=registry.SpaceSection(
                title=_("Suivi"),
                template="accountability/includes/space_section.html",
                get_context=space_section_context,
                order=15,
            ),
        )
        registry.register_content(
            Result, space=lambda result: result.space, commentable=True, followable=True
        )
        registry.register_notification_kind(
            PROGRESS_KIND, label=_("Avancement d’un chantier suivi")
        )
        registry.register_object_panel(
            Proposal,
            template="accountability/includes/proposal_panel.html",
            get_context=proposal_panel_context,
        )
