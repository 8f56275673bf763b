"""What other modules may use of participation.spaces."""

from participation.roles import is_moderator
from participation.spaces.models import (
    Action,
    SpaceMembership,
    SpacePage,
    SpacePhase,
    Visibility,
    visibility_class,
)
from participation.spaces.permissions import can
from participation.spaces.search_documents import logged_changes, space_audience, space_dependencies
from participation.spaces.visibility import is_visible_to, space_of

__all__ = [
    "Action",
    "SpaceMembership",
    "SpacePage",
    "SpacePhase",
    "Visibility",
    "can",
    "is_moderator",
    "is_visible_to",
    "logged_changes",
    "space_audience",
    "space_dependencies",
    "space_of",
    "visibility_class",
]
