"""What other modules may use of participation.moderation: the `Moderatable` base of
member content and its queryset (modules declare it with `registry.register_content(...,
moderatable=True)`), and reporting."""

from participation.moderation.models import Moderatable, ModeratableQuerySet
from participation.moderation.services import AlreadyReported, report

__all__ = ["AlreadyReported", "Moderatable", "ModeratableQuerySet", "report"]
