from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    name = "proposals"
    verbose_name = _("Propositions")

    def ready(self):
        from participation import registry
        from proposals.models import Proposal
        from proposals.views import space_section_context

        registry.register_moderatable(Proposal)
        registry.register_space_section(
            "proposals",
            title=_("Propositions"),
            template="proposals/includes/space_section.html",
            get_context=space_section_context,
            order=10,
        )
