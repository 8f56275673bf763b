"""Who hears of a result's progress: its followers, and the authors and supporters of the
proposals it answers (they asked for it), each once, never the moderator who wrote it."""

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from participation.notifications.api import follower_ids, notify
from proposals.models import Coauthorship, Vote

# Registered in apps.py: a kind of its own, so that members can tell these apart.
PROGRESS_KIND = "accountability-progress"


def recipient_ids(result, actor=None):
    proposals = result.proposals.values("pk")
    ids = follower_ids(result)
    ids |= set(
        Coauthorship.objects.accepted()
        .filter(proposal__in=proposals)
        .values_list("user_id", flat=True)
    )
    ids |= set(Vote.objects.filter(proposal__in=proposals).values_list("user_id", flat=True))
    ids.discard(getattr(actor, "pk", None))
    return ids


def announce(actor, result, entry):
    """One notification per member for a new timeline entry (a status change is one);
    participation's `notify` keeps out whoever cannot see the space."""
    verb = _("a changé l’état du chantier") if entry.status_id else _("a fait avancer le chantier")
    recipients = get_user_model().objects.filter(pk__in=recipient_ids(result, actor))
    return notify(actor, verb, result, recipients=recipients, kind=PROGRESS_KIND)
