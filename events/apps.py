from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Agenda")

    def ready(self):
        from events.views import space_section_context
        from participation.registry import register_space_section

        register_space_section(
            "events",
            title=_("Événements"),
            template="events/includes/space_section.html",
            get_context=space_section_context,
            order=30,
        )
