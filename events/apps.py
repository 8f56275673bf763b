from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = _("Agenda")

    def ready(self):
        from events.models import Event
        from events.rules import REGISTER
        from events.services import REMINDER
        from events.views import space_section_context
        from participation import registry

        registry.register_module(
            "events",
            label=_("Événements"),
            actions={REGISTER: _("S’inscrire aux événements")},
            section=registry.SpaceSection(
                title=_("Événements"),
                template="events/includes/space_section.html",
                get_context=space_section_context,
                order=30,
            ),
        )
        registry.register_notification_kind(REMINDER, label=_("Rappel aux inscrits"), urgent=True)
        registry.register_content(
            Event, space=lambda event: event.space, commentable=True, followable=True
        )
