from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountabilityConfig(AppConfig):
    name = "accountability"
    verbose_name = _("Suivi des priorités")

    def ready(self):
        from accountability.api_endpoints import router
        from accountability.models import Result
        from accountability.notifications import PROGRESS_KIND
        from accountability.open_data import COLUMNS, result_rows
        from accountability.rules import MODULE
        from accountability.views import proposal_panel_context, space_section_context
        from api import registry as api_registry
        from opendata.registry import register_dataset
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
        api_registry.register_router("suivis", router, order=120)
        register_dataset(
            "resultats-suivi",
            title=_("Suivi des priorités"),
            description=_(
                "Les chantiers des démarches publiques qui suivent leurs priorités : état, "
                "avancement, dates, structure responsable."
            ),
            columns=COLUMNS,
            rows=result_rows,
            order=50,
        )
