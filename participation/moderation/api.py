"""What other modules may use of participation.moderation: the `Moderatable` base of
member content and its queryset (modules declare it with `registry.register_content(...,
moderatable=True)`), reporting, and whether something is reported."""

from participation.moderation.models import Moderatable, ModeratableQuerySet
from participation.moderation.services import AlreadyReported, has_open_reports, report

__all__ = ["AlreadyReported", "Moderatable", "ModeratableQuerySet", "has_open_reports", "report"]
