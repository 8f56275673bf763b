from participation.models.activity import Activity
from participation.models.comments import Comment, CommentReaction, ReactionKind, Stance
from participation.models.follows import Follow
from participation.models.moderation import (
    Moderatable,
    ModeratableQuerySet,
    ModerationAction,
    ModerationActionKind,
    Report,
    ReportReason,
)
from participation.models.notifications import EmailFrequency, Notification, NotificationSettings
from participation.models.spaces import (
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
