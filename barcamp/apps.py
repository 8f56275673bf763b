from django.apps import AppConfig
from django.db.models.signals import post_migrate, post_save, pre_delete
from django.utils.translation import gettext_lazy as _


class BarcampConfig(AppConfig):
    name = "barcamp"
    verbose_name = _("Barcamps et forums ouverts")

    def ready(self):
        from barcamp import signals
        from barcamp.models import Room, TimeSlot
        from barcamp.schedule import SCHEDULE_PUBLISHED
        from events.models import Event
        from participation import registry

        registry.register_notification_kind(
            SCHEDULE_PUBLISHED, label=_("Grille d’un barcamp publiée")
        )
        post_migrate.connect(
            signals.grant_organiser_permissions,
            sender=self,
            dispatch_uid="barcamp_grant_organiser_permissions",
        )
        post_save.connect(
            signals.settings_for_barcamp_events,
            sender=Event,
            dispatch_uid="barcamp_settings_for_barcamp_events",
        )
        for model in (Room, TimeSlot):
            pre_delete.connect(
                signals.unplace_sessions,
                sender=model,
                dispatch_uid=f"barcamp_unplace_{model.__name__}",
            )
