from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DebatesConfig(AppConfig):
    name = "debates"
    verbose_name = _("Débats")

    def ready(self):
        from debates import signals
        from debates.models import Debate
        from debates.views import space_section_context
        from participation.registry import register_moderatable, register_space_section

        signals.connect()
        register_moderatable(Debate)
        register_space_section(
            "debates",
            title=_("Débats"),
            template="debates/includes/space_section.html",
            get_context=space_section_context,
            order=20,
        )
