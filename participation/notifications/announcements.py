"""Space-level events that members following a space hear about."""

from django.utils.translation import gettext as _

from participation.notifications.service import notify
from participation.spaces.models import SpacePage


def announce_opening(space, actor):
    """A space published for the first time reaches the followers of its thématiques;
    its current phase counts as announced (one notification, not two)."""
    phase = space.current_phase
    SpacePage.objects.filter(pk=space.pk).update(announced_phase_id=phase.pk if phase else None)
    space.announced_phase_id = phase.pk if phase else None
    notify(actor, _("a ouvert la démarche"), space)


def announce_phase_change(space):
    """Notify the space's followers once when it enters a new phase."""
    phase = space.current_phase
    if phase is None or phase.pk == space.announced_phase_id:
        return False
    SpacePage.objects.filter(pk=space.pk).update(announced_phase_id=phase.pk)
    space.announced_phase_id = phase.pk
    notify(None, _("entre dans la phase"), space, title=f"{space.title} : {phase.title}")
    return True


def announce_phase_changes():
    """Phases open and close with the calendar: run daily (see `daily`)."""
    return sum(announce_phase_change(space) for space in SpacePage.objects.live().specific())
