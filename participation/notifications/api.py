"""What other modules may use of participation.notifications: record what happened and
notify (`notify`), follow, and read the feeds. Nothing else touches its models."""

from participation.notifications.emails import absolute_url
from participation.notifications.follows import (
    follow,
    follow_anchor,
    follower_ids,
    is_following,
    move_followers,
    unfollow,
)
from participation.notifications.grouping import groups_of, register_wording
from participation.notifications.models import EmailFrequency
from participation.notifications.service import (
    Email,
    feed,
    mark_read,
    notify,
    set_hidden,
    unread_count,
)

__all__ = [
    "Email",
    "EmailFrequency",
    "absolute_url",
    "feed",
    "follow",
    "follow_anchor",
    "follower_ids",
    "groups_of",
    "is_following",
    "mark_read",
    "move_followers",
    "notify",
    "register_wording",
    "set_hidden",
    "unfollow",
    "unread_count",
]
