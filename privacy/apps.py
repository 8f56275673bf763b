from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = _("Données personnelles")

    def ready(self):
        from participation.moderation.models import ModerationAction
        from privacy import signals
        from privacy.registry import register_export

        signals.connect()
        # The moderation log about a member tells them what was done, not which
        # moderator did it.
        register_export(ModerationAction, exclude=["moderator"])
