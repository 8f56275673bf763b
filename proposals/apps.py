from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ProposalsConfig(AppConfig):
    name = "proposals"
    verbose_name = _("Propositions")

    def ready(self):
        from participation import registry
        from proposals.models import Proposal
        from proposals.rules import PROPOSE, VOTE
        from proposals.views import space_section_context

        registry.register_module(
            "proposals",
            label=_("Propositions"),
            actions={PROPOSE: _("Proposer"), VOTE: _("Voter")},
            section=registry.SpaceSection(
                title=_("Propositions"),
                template="proposals/includes/space_section.html",
                get_context=space_section_context,
                order=10,
            ),
            default=True,
        )
        registry.register_content(
            Proposal,
            space=lambda proposal: proposal.space,
            is_visible_to=Proposal.is_visible_to,
            commentable=True,
            followable=True,
            moderatable=True,
        )
