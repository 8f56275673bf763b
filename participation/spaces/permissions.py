"""The one place that says who may do what in a space; every module asks `can()`."""

from participation.roles import is_moderator
from participation.spaces.models import Action


def can(user, action, space=None):
    """Whether `user` may do `action` ("view", "comment", "moderate", or an action a
    module registered: "propose", "vote"...) in `space` (None outside any space).

    Members act only in spaces they see, while the current phase opens the action and the
    space uses the module it belongs to; outside spaces, members may always comment."""
    if action == "moderate":
        return is_moderator(user)
    if action == Action.VIEW:
        return space is None or space.is_visible_to(user)
    if not user.is_authenticated or not user.is_active:
        return False
    if space is None:
        return action == Action.COMMENT
    return space.is_visible_to(user) and space.opens(action)
