from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DebatesConfig(AppConfig):
    name = "debates"
    verbose_name = _("Débats")

    def ready(self):
        from debates import signals
        from debates.models import Debate
        from debates.rules import DEBATE
        from debates.views import space_section_context
        from participation import registry

        signals.connect()
        registry.register_module(
            "debates",
            label=_("Débats"),
            actions={DEBATE: _("Débattre")},
            section=registry.SpaceSection(
                title=_("Débats"),
                template="debates/includes/space_section.html",
                get_context=space_section_context,
                order=20,
            ),
        )
        registry.register_content(
            Debate,
            space=lambda debate: debate.space,
            commentable=True,
            followable=True,
            moderatable=True,
        )
