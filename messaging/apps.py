from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "messaging"
    verbose_name = _("Messagerie")

    def ready(self):
        from messaging.models import Block, Message
        from messaging.services import NOTIFICATION_KIND, participation_of
        from participation import registry
        from privacy.api import register_export

        # A message can be reported (and hidden) by moderation; only the participants of
        # its conversation see it, outside any space.
        registry.register_content(
            Message,
            space=lambda message: None,
            is_visible_to=lambda message, user: (
                participation_of(user, message.conversation) is not None
            ),
            moderatable=True,
        )
        registry.register_notification_kind(NOTIFICATION_KIND, label=_("Message privé"))
        # A member's export lists whom they blocked, never who blocked them.
        register_export(Block, user_fields=["blocker"])
