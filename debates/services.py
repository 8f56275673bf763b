"""Who may open, edit and close a debate, and what happens when they do."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from debates.rules import DEBATE
from participation.comments.api import Comment
from participation.notifications.api import follow, notify
from participation.roles import is_moderator
from participation.spaces.api import Action, can


def can_open_debate(user, space):
    """Moderators open official debates in any space using the module; members open
    debates while the space's phase opens "debate"."""
    if not space.uses("debates") or not can(user, Action.VIEW, space):
        return False
    return is_moderator(user) or can(user, DEBATE, space)


def can_edit(user, debate):
    """Moderators always; the author while the debate is open and nobody has answered
    yet (answers must keep the question they answered)."""
    if is_moderator(user):
        return True
    return (
        user.is_authenticated
        and user.pk == debate.author_id
        and debate.is_open
        and not Comment.objects.for_object(debate).exists()
    )


@transaction.atomic
def open_debate(user, space, debate, thematiques=(), conclusions=""):
    """Save a new debate (built by the form) in `space`; its author follows it. A
    moderator may write its conclusions at once (in the admin): it is then closed."""
    if not can_open_debate(user, space):
        raise PermissionDenied
    debate.space = space
    debate.author = user
    debate.is_official = is_moderator(user)
    debate.conclusions = ""
    debate.save()
    debate.thematiques.set(thematiques)
    follow(user, debate)
    notify(user, _("a ouvert le débat"), debate)
    if conclusions:
        close_debate(user, debate, conclusions)
    return debate


@transaction.atomic
def close_debate(user, debate, conclusions):
    """Close the debate with the moderator's conclusions; followers are notified."""
    if not is_moderator(user):
        raise PermissionDenied
    debate.conclusions = conclusions
    debate.closed_at = debate.closed_at or timezone.now()
    debate.closed_by = user
    debate.save(update_fields=["conclusions", "closed_at", "closed_by", "updated_at"])
    notify(user, _("a publié les conclusions du débat"), debate)
    return debate


def stance_summary(stance_counts):
    """Shares of each stance, from the counts the comment section already made
    (participation.comments.thread.comment_counts: visible comments only)."""
    total = sum(stance["count"] for stance in stance_counts)
    stances, offset = [], 0
    for stance in stance_counts:
        percent = round(100 * stance["count"] / total) if total else 0
        # offset: where the stance's part of the bar starts (counts before it)
        stances.append({**stance, "percent": percent, "offset": offset})
        offset += stance["count"]
    return {"total": total, "stances": stances}
