"""Who may do what in a barcamp; every view asks these on the server.

- participants (a confirmed registration to the event) pitch while pitching is open and
  choose sessions until the event ends;
- a pitcher edits or withdraws their session until it is placed in the grid, and writes
  its notes once the event has started;
- organisers (moderators, editors and the event's organiser) do all of that, place the
  sessions and publish the grid, which nobody else sees before."""

from dataclasses import dataclass

from events.models import RegistrationStatus
from events.services import member_registrations
from maillage import table_versions
from members.roles import EDITEURS
from participation.roles import is_moderator

# Read from the exact cache until a table it read is written; this bounds how long an
# unread value stays.
CACHED_SECONDS = 3600


def is_participant(user, barcamp):
    if not user.is_authenticated or not user.is_active:
        return False
    registration = member_registrations(user).get(barcamp.event_id)
    return registration is not None and registration.status == RegistrationStatus.CONFIRMED


def _is_editor(user):
    cached = getattr(user, "_barcamp_is_editor", None)
    if cached is None:
        # From the exact cache under the member's id: a change of their groups shows at once.
        key = table_versions.key("barcamp-is-editor", user.pk)
        cached = table_versions.cached(
            key, lambda: user.groups.filter(name=EDITEURS).exists(), CACHED_SECONDS
        )
        user._barcamp_is_editor = cached
    return cached


def can_organise(user, barcamp):
    if not user.is_authenticated or not user.is_active:
        return False
    return user.pk == barcamp.event.organiser_id or is_moderator(user) or _is_editor(user)


def can_edit(user, session, organiser):
    """The pitcher until the session is placed; organisers always."""
    if organiser:
        return True
    return (
        user.is_authenticated
        and session.pitcher_id == user.pk
        and not session.is_scheduled
        and session.barcamp.pitching_open()
    )


def can_write_notes(user, session, organiser):
    if not session.barcamp.notes_open():
        return False
    return organiser or (user.is_authenticated and session.pitcher_id == user.pk)


def can_see_grid(barcamp, organiser):
    return barcamp.schedule_published or organiser


@dataclass
class Access:
    """What the visitor may do in this barcamp, computed once per request."""

    barcamp: object  # BarcampSettings
    participant: bool
    organiser: bool

    @property
    def can_pitch(self):
        return self.participant and self.barcamp.pitching_open()

    @property
    def can_choose(self):
        return self.participant and self.barcamp.voting_open()

    @property
    def can_see_grid(self):
        return can_see_grid(self.barcamp, self.organiser)


def access(user, barcamp):
    return Access(barcamp, is_participant(user, barcamp), can_organise(user, barcamp))
