"""What other modules may use of participation.spaces."""

from participation.roles import is_moderator
from participation.spaces.models import (
    Action,
    SpaceMembership,
    SpacePage,
    SpacePhase,
    Visibility,
    cached_space,
    visibility_class,
)
from participation.spaces.permissions import can
from participation.spaces.refusals import (
    ClosedAction,
    PhaseClosed,
    closed_action,
    refusal,
    unseen,
)
from participation.spaces.search_documents import logged_changes, space_audience, space_dependencies
from participation.spaces.visibility import is_visible_to, space_of

__all__ = [
    "Action",
    "ClosedAction",
    "PhaseClosed",
    "SpaceMembership",
    "SpacePage",
    "SpacePhase",
    "Visibility",
    "cached_space",
    "can",
    "closed_action",
    "is_moderator",
    "is_visible_to",
    "logged_changes",
    "refusal",
    "space_audience",
    "space_dependencies",
    "space_of",
    "unseen",
    "visibility_class",
]
