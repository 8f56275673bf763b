"""Django loads one app, `participation`, whose models live in its four subpackages;
importing them here keeps their tables and migrations where they were. Other modules
import from the subpackages' `api` modules, not from here."""

from participation.comments.models import Comment, CommentReaction, ReactionKind, Stance
from participation.moderation.models import (
    Moderatable,
    ModeratableQuerySet,
    ModerationAction,
    ModerationActionKind,
    Report,
    ReportReason,
)
from participation.notifications.models import (
    Activity,
    EmailFrequency,
    Follow,
    Notification,
    NotificationSettings,
)
from participation.spaces.models import (
    Action,
    SpaceMembership,
    SpacePage,
    SpacePhase,
    Visibility,
)

__all__ = [
    "Action",
    "Activity",
    "Comment",
    "CommentReaction",
    "EmailFrequency",
    "Follow",
    "Moderatable",
    "ModeratableQuerySet",
    "ModerationAction",
    "ModerationActionKind",
    "Notification",
    "NotificationSettings",
    "ReactionKind",
    "Report",
    "ReportReason",
    "SpaceMembership",
    "SpacePage",
    "SpacePhase",
    "Stance",
    "Visibility",
]
