"""Pitching sessions and choosing them (« Je veux y aller »), with the per-participant
limit and the room's capacity held under concurrent requests."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from barcamp import rules
from barcamp.models import Interest, Session
from events.models import Registration, RegistrationStatus


class Refused(Exception):
    """An action the rules allow in general but that the current state refuses; its
    message says why, in French."""


def pitch(user, barcamp, session):
    """Save a new session (an unsaved instance from the form) pitched by `user`."""
    if not rules.access(user, barcamp).can_pitch:
        raise PermissionDenied
    session.barcamp = barcamp
    session.pitcher = user
    session.save()
    return session


def edit(user, session, organiser):
    """Save the pitcher's (or an organiser's) changes, checked again under the lock: the
    session may have been placed since the form was shown."""
    with transaction.atomic():
        locked = Session.objects.select_related("barcamp__event").select_for_update(of=("self",))
        current = locked.get(pk=session.pk)
        if not rules.can_edit(user, current, organiser):
            raise Refused(_("Cette session est déjà dans la grille : elle ne peut plus changer."))
        session.save(update_fields=["title", "pitch", "thematique", "updated_at"])
    return session


def withdraw(user, session, organiser):
    with transaction.atomic():
        locked = Session.objects.select_related("barcamp__event").select_for_update(of=("self",))
        current = locked.get(pk=session.pk)
        if not rules.can_edit(user, current, organiser):
            raise Refused(
                _("Cette session est déjà dans la grille : elle ne peut plus être retirée.")
            )
        current.delete()


def used_choices(user, barcamp):
    return Interest.objects.filter(user=user, session__barcamp=barcamp).count()


def _lock_participant(user, barcamp):
    """Lock the participant's registration row: it serialises their choices from every
    tab, and proves they are still registered. No other code of this app locks a session
    before a registration."""
    registration = (
        Registration.objects.select_for_update()
        .filter(event_id=barcamp.event_id, user=user, status=RegistrationStatus.CONFIRMED)
        .first()
    )
    if registration is None:
        raise PermissionDenied


def choose(user, session):
    """Mark « Je veux y aller »; False when already marked. Refused beyond the organiser's
    limit, or when the session's room is full."""
    barcamp = session.barcamp
    if not barcamp.voting_open():
        raise Refused(_("Le choix des sessions est clos."))
    with transaction.atomic():
        _lock_participant(user, barcamp)
        current = Session.objects.select_related("room").select_for_update(of=("self",))
        current = current.get(pk=session.pk)
        if Interest.objects.filter(session=current, user=user).exists():
            return False
        if used_choices(user, barcamp) >= barcamp.vote_limit:
            raise Refused(
                ngettext(
                    "Vous avez déjà choisi %(limit)d session, le maximum : retirez un choix "
                    "pour en faire un autre.",
                    "Vous avez déjà choisi %(limit)d sessions, le maximum : retirez un choix "
                    "pour en faire un autre.",
                    barcamp.vote_limit,
                )
                % {"limit": barcamp.vote_limit}
            )
        if current.room is not None and current.vote_count >= current.room.capacity:
            raise Refused(
                _("La salle « %(room)s » est pleine pour cette session.")
                % {"room": current.room.name}
            )
        Interest.objects.create(session=current, user=user)
        Session.objects.filter(pk=current.pk).update(vote_count=F("vote_count") + 1)
    return True


def unchoose(user, session):
    """Withdraw one's « Je veux y aller »; False when there was none."""
    barcamp = session.barcamp
    if not barcamp.voting_open():
        raise Refused(_("Le choix des sessions est clos."))
    with transaction.atomic():
        _lock_participant(user, barcamp)
        current = Session.objects.select_for_update().get(pk=session.pk)
        deleted, _rows = Interest.objects.filter(session=current, user=user).delete()
        if deleted:
            Session.objects.filter(pk=current.pk).update(vote_count=F("vote_count") - 1)
    return bool(deleted)
