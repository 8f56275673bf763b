from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    name = "participation"
    verbose_name = _("Participation")

    def ready(self):
        from django.contrib.auth import get_user_model

        from participation import registry, signals
        from participation.models import Comment

        signals.connect()
        registry.register_moderatable(Comment)
        registry.register_reportable(get_user_model())
