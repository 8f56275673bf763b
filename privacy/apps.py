from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = _("Données personnelles")

    def ready(self):
        from allauth.account.models import EmailAddress

        from participation.moderation.models import ModerationAction
        from participation.notifications.models import Follow, Notification, NotificationSettings
        from privacy import signals
        from privacy.models import Consent
        from privacy.registry import register_erasure, register_export

        signals.connect()
        # Deleted with the account, like what modules declare: the address book of allauth
        # (so that the address can sign up again), follows, notifications and their
        # settings, consents.
        for model, field in [
            (EmailAddress, "user"),
            (Follow, "user"),
            (Notification, "recipient"),
            (NotificationSettings, "user"),
            (Consent, "user"),
        ]:
            register_erasure(model, field)
        # The moderation log about a member tells them what was done, not which
        # moderator did it.
        register_export(ModerationAction, exclude=["moderator"])
