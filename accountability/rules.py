"""Who sees and who manages a space's follow-up. Reading follows the space's visibility;
writing (results, statuses, timeline entries, imports) is the moderators' (the "moderate"
right of participation), in spaces that use the module. The module opens no phase action:
following up is not something members do during a phase."""

from participation.spaces.api import Action, can

MODULE = "accountability"


def can_view(user, space):
    return space.uses(MODULE) and can(user, Action.VIEW, space)


def can_manage(user, space):
    return can_view(user, space) and can(user, "moderate", space)
