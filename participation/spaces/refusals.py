"""Why a space does not let members do something now, and when it will: the one
explanation every module shows instead of a bare "Accès refusé" (on a 403 page for a
refused request, inline where the form or button would be)."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from maillage.refusals import ExplainedRefusal, LoginToContinue
from participation import registry
from participation.spaces.models import SpacePhase, Visibility


@dataclass(frozen=True)
class ClosedAction:
    """The space's current phase does not open `action`. `opening_phase` is the next
    phase (by start date) that opens it, None when no phase to come does."""

    space: object
    action: str
    label: str
    current_phase: SpacePhase | None
    opening_phase: SpacePhase | None


def action_label(action):
    """The label a module registered for `action` ("Voter"), or the code itself."""
    return dict(registry.action_choices()).get(action, action)


def closed_action(space, action):
    """None when the space's current phase opens `action`; otherwise what is current and
    which phase to come opens it. Reads the space's phases once (`ordered_phases` is
    cached on the page, and `can()` already read them)."""
    if space.opens(action):
        return None
    opening = None
    module = registry.module_of_action(action)
    if module is None or space.uses(module):
        today = timezone.localdate()
        current = space.current_phase
        upcoming = [
            phase
            for phase in space.ordered_phases
            if phase.start_date > today and phase != current and action in phase.actions
        ]
        opening = min(upcoming, key=lambda phase: phase.start_date, default=None)
    return ClosedAction(space, action, action_label(action), space.current_phase, opening)


class PhaseClosed(ExplainedRefusal):
    """The 403 page of an action the current phase does not open: which phase is
    current, which one opens the action and when, and where to go next."""

    template_name = "participation/spaces/phase_closed.html"

    def __init__(self, closed, next_url="", next_label=""):
        super().__init__(
            {
                "closed": closed,
                "space": closed.space,
                "next_url": next_url or closed.space.url,
                "next_label": next_label
                or _("Revenir à la démarche « %(title)s »") % {"title": closed.space.title},
            }
        )
        self.closed = closed


def refusal(space, action, *, next_url="", next_label=""):
    """The exception a view raises when `can(user, action, space)` said no: `PhaseClosed`
    when the phase is the reason, a plain PermissionDenied otherwise (the generic 403
    page, which offers to log in). Usage: `raise refusal(space, VOTE, next_url=...)`."""
    closed = closed_action(space, action) if space is not None else None
    if closed is None:
        return PermissionDenied()
    return PhaseClosed(closed, next_url=next_url, next_label=next_label)


def unseen(user, space):
    """The exception for an object the user may not see in `space`: a logged-out visitor
    of a members-only space is asked to log in (and comes back); anyone else gets a 404,
    so that a private space stays invisible to outsiders."""
    if (
        space is not None
        and space.live
        and space.visibility == Visibility.MEMBERS
        and not user.is_authenticated
    ):
        return LoginToContinue()
    return Http404()
