from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SubmissionsConfig(AppConfig):
    name = "submissions"
    verbose_name = _("Contributions des membres")

    def ready(self):
        from participation import registry
        from submissions import signals
        from submissions.services import NOTIFICATION_KIND

        signals.connect()
        registry.register_notification_kind(
            NOTIFICATION_KIND, label=_("Relecture de vos contributions")
        )
