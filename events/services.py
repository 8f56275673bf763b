"""Registration rules: who may register, capacity held under concurrency, the waiting
list, and the reminder sent the day before."""

from datetime import datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from events.models import (
    Event,
    Registration,
    RegistrationAnswer,
    RegistrationStatus,
    Workshop,
)
from events.rules import REGISTER
from maillage import table_versions
from participation.notifications.api import Email, absolute_url, follow, follower_ids, notify
from participation.spaces.api import can, closed_action

# Values read from the exact cache are kept until a table they read is written; this
# bounds how long unread ones stay.
CACHED_SECONDS = 3600
# The kind of notification of a reminder (registered in apps.py as urgent).
REMINDER = "events.reminder"


class RegistrationClosed(Exception):
    """The event does not take registrations now (window closed, past, disabled)."""


class WorkshopFull(Exception):
    """A chosen workshop has no place left; nothing was written."""

    def __init__(self, workshop):
        super().__init__(workshop.title)
        self.workshop = workshop


def can_manage(user, event):
    """The event's organiser, and whoever may change events in the admin (editors and
    moderators: the group permissions of events' migration 0004), see registrations,
    their answers and attendance."""
    if not user.is_authenticated or not user.is_active:
        return False
    return user.pk == event.organiser_id or user.has_perm("events.change_event")


def member_registrations(user):
    """{event id: registration} of the logged-in member, in the order of the events' ids,
    from the exact cache under their id (a registration, anyone's, expires it): no query
    on their next pages. Empty for a visitor."""
    if not user.is_authenticated:
        return {}

    def read():
        return list(Registration.objects.filter(user=user).order_by("event_id"))

    key = table_versions.key("event-registrations", user.pk)
    return {row.event_id: row for row in table_versions.cached(key, read, CACHED_SECONDS)}


def can_register(user, event):
    """Members register to network events; in a space, while its phase opens registrations."""
    if not user.is_authenticated or not user.is_active or not event.is_visible_to(user):
        return False
    return event.space is None or can(user, REGISTER, event.space)


def window_state(event, now=None):
    """ "open", or why registrations are not open: "disabled", "not_yet", "closed"."""
    now = now or timezone.now()
    if not event.registrations_enabled:
        return "disabled"
    if event.registration_opens_at and now < event.registration_opens_at:
        return "not_yet"
    if now >= event.registration_closes():
        return "closed"
    return "open"


def registration_box(user, event, confirmed_count, registration=None):
    """Everything the registration button needs, computed without further queries."""
    window = window_state(event)
    places_left = event.places_left(confirmed_count)
    if registration is not None:
        state = registration.status
    elif window != "open":
        state = window
    elif not user.is_authenticated:
        state = "login"
    elif not can_register(user, event):
        state = "forbidden"
    else:
        state = "full" if places_left == 0 else "open"
    return {
        "event": event,
        "state": state,
        "registration": registration,
        "places_left": places_left,
        "confirmed_count": confirmed_count,
        "can_cancel": registration is not None and not event.is_past,
        # Why the space's phase keeps registrations closed, and when it opens them.
        "closed": (
            closed_action(event.space, REGISTER)
            if state == "forbidden" and event.space is not None
            else None
        ),
    }


def register(user, event, answers=None, workshops=()):
    """Register `user`, or update their answers and workshops if they already are; when
    every place is taken they join the waiting list (without workshops: a waiting
    registrant holds no workshop place).

    `answers` maps questions to their text (the form validated them). The event row is
    locked so that concurrent registrations are counted one after the other: neither the
    event's capacity nor a workshop's is ever exceeded. A full workshop raises
    WorkshopFull and the transaction writes nothing."""
    if not can_register(user, event):
        raise PermissionDenied
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if window_state(event) != "open":
            raise RegistrationClosed
        registration = Registration.objects.filter(event=event, user=user).first()
        if registration is None:
            confirmed = Registration.objects.filter(
                event=event, status=RegistrationStatus.CONFIRMED
            ).count()
            full = event.capacity is not None and confirmed >= event.capacity
            registration = Registration.objects.create(
                event=event,
                user=user,
                status=RegistrationStatus.WAITING if full else RegistrationStatus.CONFIRMED,
            )
            follow(user, event)
        if registration.status == RegistrationStatus.CONFIRMED:
            _hold_workshops(event, registration, workshops)
        if answers is not None:
            _save_answers(registration, answers)
    return registration


def _hold_workshops(event, registration, workshops):
    """Give `registration` places in `workshops` (of `event`, whose row the caller
    locked), or raise WorkshopFull."""
    chosen = list(
        Workshop.objects.select_for_update()
        .filter(event=event, pk__in=[w.pk for w in workshops])
        .order_by("pk")
    )
    taken = _places_taken(
        Registration.workshops.through.objects.filter(workshop__in=chosen).exclude(
            registration=registration
        )
    )
    for workshop in chosen:
        if workshop.capacity is not None and taken.get(workshop.pk, 0) >= workshop.capacity:
            raise WorkshopFull(workshop)
    registration.workshops.set(chosen)


def _save_answers(registration, answers):
    RegistrationAnswer.objects.filter(registration=registration).delete()
    RegistrationAnswer.objects.bulk_create(
        RegistrationAnswer(registration=registration, question=question, value=value)
        for question, value in answers.items()
        if value
    )


def workshop_places(event):
    """{workshop id: places taken by confirmed registrants}, in one query."""
    return _places_taken(Registration.workshops.through.objects.filter(workshop__event=event))


def _places_taken(choices):
    return dict(
        choices.filter(registration__status=RegistrationStatus.CONFIRMED)
        .values("workshop")
        .annotate(n=Count("pk"))
        .values_list("workshop", "n")
    )


def mark_attendance(event, registration_ids, present_ids):
    """On the day: the registrations listed on the checklist page are present when
    ticked, absent otherwise. Ids of other events are ignored."""
    rows = Registration.objects.filter(event=event, pk__in=registration_ids)
    rows.filter(pk__in=present_ids).update(attended=True)
    rows.exclude(pk__in=present_ids).update(attended=False)


def publish_minutes(user, event):
    """Tell followers and registrants that the minutes are out, once: the first save
    with `minutes_published` claims `minutes_notified_at`; later saves find it set.
    Returns whether they were told now."""
    if not event.minutes_published:
        return False
    with transaction.atomic():
        claimed = Event.objects.filter(pk=event.pk, minutes_notified_at__isnull=True).update(
            minutes_notified_at=timezone.now()
        )
        if not claimed:
            return False
        ids = follower_ids(event) | set(
            Registration.objects.filter(event=event).values_list("user_id", flat=True)
        )
        recipients = list(get_user_model().objects.filter(pk__in=ids, is_active=True))
        if recipients:
            notify(user, _("a publié le compte rendu"), event, recipients=recipients)
    return True


def cancel_registration(user, event):
    """Withdraw the member's registration; a freed place goes to the first on the
    waiting list, who is told by email. Returns the status withdrawn (None if the member
    had none), so that the page says which list they left."""
    with transaction.atomic():
        event = Event.objects.select_for_update().get(pk=event.pk)
        if event.is_past:
            raise RegistrationClosed
        mine = Registration.objects.filter(event=event, user=user)
        status = mine.values_list("status", flat=True).first()
        mine.delete()
        promoted = promote_waiting(event) if status else []
    for registration in promoted:
        transaction.on_commit(lambda r=registration: _tell_promoted(r))
    return status


def promote_waiting(event):
    """Fill free places from the waiting list, first come first served. The caller holds
    the lock on the event row."""
    if event.capacity is None:
        waiting = Registration.objects.filter(event=event, status=RegistrationStatus.WAITING)
    else:
        confirmed = Registration.objects.filter(
            event=event, status=RegistrationStatus.CONFIRMED
        ).count()
        free = max(event.capacity - confirmed, 0)
        waiting = Registration.objects.filter(event=event, status=RegistrationStatus.WAITING)[:free]
    promoted = list(waiting.select_related("user", "event"))
    Registration.objects.filter(pk__in=[r.pk for r in promoted]).update(
        status=RegistrationStatus.CONFIRMED
    )
    return promoted


@transaction.atomic
def save_event(user, event, thematiques, *, is_new):
    """Save an event from the organisers' form on the site, then `event_saved`."""
    if is_new:
        event.organiser = user
    event.save()
    event.thematiques.set(thematiques)
    return event_saved(user, event, is_new=is_new)


def event_saved(user, event, *, is_new):
    """What follows a saved event, on the site or in the admin: a new one is announced to
    the followers of its space and thématiques (its author follows it); raising the
    capacity promotes the waiting list; published minutes are announced once."""
    if is_new:
        follow(user, event)
        notify(user, _("a publié l’événement"), event)
    else:
        locked = Event.objects.select_for_update().get(pk=event.pk)
        for registration in promote_waiting(locked):
            transaction.on_commit(lambda r=registration: _tell_promoted(r))
    publish_minutes(user, event)
    return event


MINUTES_FIELDS = [
    "minutes_summary",
    "participants_count",
    "structures_count",
    "minutes_published",
    "minutes_notified_at",
    "minutes_documents",
    "minutes_photos",
    "minutes_proposals",
    "minutes_debates",
    "reminder_sent_at",
]


def duplicate_event(user, event):
    """A new event like `event`, with its programme, workshops and questions, but
    neither its registrations nor its minutes; `user` organises it. Not announced: its
    dates are still the original's until it is edited."""
    copy, _children = event.copy_cluster(exclude_fields=MINUTES_FIELDS)
    copy.title = _("%(title)s (copie)") % {"title": event.title}
    copy.archived = False
    copy.organiser = user
    copy.save()
    copy.thematiques.set(event.thematiques.all())
    follow(user, copy)
    return copy


def _tell_promoted(registration):
    context = {
        "user": registration.user,
        "event": registration.event,
        "url": absolute_url(registration.event.get_absolute_url()),
    }
    send_mail(
        _("Une place s’est libérée : %(title)s") % {"title": registration.event.title},
        render_to_string("events/emails/promoted.txt", context),
        None,
        [registration.user.email],
    )


def send_reminders(now=None):
    """Remind confirmed registrants of the events starting before the end of tomorrow
    (Europe/Paris): an in-app notification and, unless they chose never to get emails,
    an email right away. Each event is reminded once; returns how many were."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    until = timezone.make_aware(datetime.combine(tomorrow + timedelta(days=1), time.min))
    sent = 0
    while True:
        with transaction.atomic():
            event = (
                Event.objects.select_for_update(skip_locked=True)
                .filter(reminder_sent_at__isnull=True, start_at__gt=now, start_at__lt=until)
                .order_by("start_at", "pk")
                .first()
            )
            if event is None:
                return sent
            Event.objects.filter(pk=event.pk).update(reminder_sent_at=now)
            _remind(event)
            sent += 1


def _remind(event):
    """An in-site notification to each confirmed registrant, e-mailed at once (an urgent
    kind) to all who did not refuse e-mails."""
    registrants = [
        registration.user
        for registration in Registration.objects.filter(
            event=event, status=RegistrationStatus.CONFIRMED, user__is_active=True
        ).select_related("user")
    ]
    if not registrants:
        return
    email = Email(
        subject=_("Rappel : %(title)s a lieu bientôt") % {"title": event.title},
        template="events/emails/reminder.txt",
        context={"event": event, "url": absolute_url(event.get_absolute_url())},
    )
    notify(
        None,
        _("a lieu bientôt : rappel aux inscrits"),
        event,
        recipients=registrants,
        kind=REMINDER,
        email=email,
    )
