"""The grid: organisers place sessions into (time slot × room) cells and publish it as the
event's programme.

Placement refuses, with a message naming the conflict: a cell already taken (also a
database constraint), a pitcher leading two sessions in the same slot, and a room with
fewer places than the participants who chose the session (the demand is known, so the
organiser picks a bigger room rather than discovering the crowd on the day)."""

from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from barcamp import rules
from barcamp.models import BarcampSettings, Session
from barcamp.services import Refused
from events.models import Registration, RegistrationStatus
from participation.notifications.api import notify

# Kind of the notification sent to participants when the grid is published (apps.py).
SCHEDULE_PUBLISHED = "barcamp.schedule_published"


def place(user, session, slot, room):
    """Put the session in the cell (slot, room), or take it out of the grid when both are
    None. Placements of one barcamp are serialised by a lock on its settings row."""
    barcamp = session.barcamp
    if not rules.can_organise(user, barcamp):
        raise PermissionDenied
    try:
        with transaction.atomic():
            BarcampSettings.objects.select_for_update().get(pk=barcamp.pk)
            current = Session.objects.select_for_update().get(pk=session.pk)
            if slot is not None:
                _check_cell(current, slot, room)
            current.slot, current.room = slot, room
            current.save(update_fields=["slot", "room", "updated_at"])
    except IntegrityError as error:  # the constraint, should the lock be bypassed
        raise Refused(_("Cette salle est déjà prise sur ce créneau.")) from error
    return current


def _check_cell(session, slot, room):
    others = Session.objects.filter(slot=slot).exclude(pk=session.pk)
    taken = others.filter(room=room).first()
    if taken is not None:
        raise Refused(
            _("La salle « %(room)s » est déjà prise sur le créneau %(slot)s par « %(title)s ».")
            % {"room": room.name, "slot": slot, "title": taken.title}
        )
    busy = others.filter(pitcher_id=session.pitcher_id).first()
    if busy is not None:
        raise Refused(
            _("La personne qui anime cette session anime déjà « %(title)s » sur ce créneau.")
            % {"title": busy.title}
        )
    if session.vote_count > room.capacity:
        raise Refused(
            _(
                "La salle « %(room)s » compte %(capacity)d places, mais %(demand)d participant·es "
                "veulent aller à cette session : choisissez une salle plus grande."
            )
            % {"room": room.name, "capacity": room.capacity, "demand": session.vote_count}
        )


def set_published(user, barcamp, published):
    """Publish (or withdraw) the grid; the first publication notifies every confirmed
    participant, once."""
    if not rules.can_organise(user, barcamp):
        raise PermissionDenied
    with transaction.atomic():
        locked = (
            BarcampSettings.objects.select_for_update().select_related("event").get(pk=barcamp.pk)
        )
        first_time = published and locked.published_at is None
        locked.schedule_published = published
        if first_time:
            locked.published_at = timezone.now()
        locked.save(update_fields=["schedule_published", "published_at"])
        if first_time:
            _announce(user, locked)
    return locked


def _announce(user, barcamp):
    participants = [
        registration.user
        for registration in Registration.objects.filter(
            event_id=barcamp.event_id, status=RegistrationStatus.CONFIRMED, user__is_active=True
        ).select_related("user")
    ]
    notify(
        user,
        _("a publié la grille des sessions"),
        barcamp.event,
        recipients=participants,
        kind=SCHEDULE_PUBLISHED,
        url=reverse("barcamp:grid", args=[barcamp.event_id]),
    )


@dataclass
class Row:
    slot: object
    cells: list  # one entry per room: (room, session or None)

    @property
    def is_empty(self):
        return all(session is None for _room, session in self.cells)


def grid(barcamp):
    """The rooms and one row per time slot, in three queries whatever the size."""
    rooms = list(barcamp.rooms.all())
    slots = list(barcamp.slots.all())
    placed = {
        (s.slot_id, s.room_id): s
        for s in Session.objects.filter(barcamp=barcamp, slot__isnull=False).select_related(
            "pitcher", "thematique"
        )
    }
    rows = [Row(slot, [(room, placed.get((slot.pk, room.pk))) for room in rooms]) for slot in slots]
    return rooms, rows
