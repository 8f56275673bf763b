from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy


class MentionsConfig(AppConfig):
    """Mentions plug into participation through its public surface: a notification kind,
    the wording of a group of mentions, and signals on what members write."""

    name = "mentions"
    verbose_name = _("Mentions")

    def ready(self):
        from mentions import signals
        from mentions.services import KIND, VERB
        from participation import registry
        from participation.notifications.api import register_wording

        registry.register_notification_kind(KIND, label=_("Mention"))
        register_wording(
            VERB,
            ngettext_lazy(
                "%(count)s mention de vous sur « %(title)s »",
                "%(count)s mentions de vous sur « %(title)s »",
                "count",
            ),
        )
        signals.connect()
