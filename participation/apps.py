from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ParticipationConfig(AppConfig):
    """One Django app (label `participation`) whose four subpackages hold its models."""

    name = "participation"
    verbose_name = _("Participation")

    def ready(self):
        from django.contrib.auth import get_user_model

        from participation import registry
        from participation.comments.models import Comment
        from participation.notifications import signals
        from participation.spaces.models import SpacePage
        from participation.spaces.visibility import is_visible_to, space_of
        from taxonomy.models import Thematique

        signals.connect()
        registry.register_action("comment", label=_("Commenter"), default=True)
        registry.register_content(
            SpacePage, space=lambda space: space, commentable=True, followable=True
        )
        registry.register_content(
            Comment,
            space=lambda comment: space_of(comment.content_object),
            is_visible_to=lambda comment, user: is_visible_to(comment.content_object, user),
            moderatable=True,
        )
        # Members and thématiques are followed (notifications of what they publish or
        # concern) and members reported; neither belongs to a space.
        registry.register_content(
            get_user_model(), space=lambda member: None, followable=True, reportable=True
        )
        registry.register_content(Thematique, space=lambda thematique: None, followable=True)
