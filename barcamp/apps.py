from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class BarcampConfig(AppConfig):
    name = "barcamp"
    verbose_name = _("Barcamps et forums ouverts")

    def ready(self):
        from barcamp import signals
        from barcamp.schedule import SCHEDULE_PUBLISHED
        from participation import registry

        registry.register_notification_kind(
            SCHEDULE_PUBLISHED, label=_("Grille d’un barcamp publiée")
        )
        post_migrate.connect(
            signals.grant_organiser_permissions,
            sender=self,
            dispatch_uid="barcamp_grant_organiser_permissions",
        )
