"""The one way modules record what happened and tell the members concerned: `notify()`.
It writes the activity (the "Dernières contributions" feeds), the in-site notifications,
and hands the e-mails to the frequency rules of `emails`."""

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from maillage import member_facts
from participation import registry
from participation.notifications import emails
from participation.notifications.follows import follower_ids
from participation.notifications.models import Activity, Notification
from participation.notifications.tasks import send_notification_emails
from participation.roles import is_moderator
from participation.spaces.models import SpaceMembership, Visibility
from participation.spaces.visibility import space_of
from participation.utils import content_type_for, object_title, object_url

_UNSET = object()


@dataclass(frozen=True)
class Email:
    """The message of an urgent notification kind (e.g. an event's reminder); the
    template gets `user` (the recipient) and `context`."""

    subject: str
    template: str
    context: dict = field(default_factory=dict)


def notify(
    actor,
    verb,
    target,
    *,
    recipients=None,
    space=_UNSET,
    title=None,
    url=None,
    public=True,
    kind=None,
    email=None,
):
    """Record that `actor` (None: the platform) did `verb` on `target` and notify:
    `recipients` (users), or by default the followers of the target, of its space, of
    the actor, of its thématiques and of its territory (never the actor). Nobody who cannot
    see the space is notified. A `public` activity shows in the feeds; a private one (an
    invitation, a private message) only in its recipients' notifications and e-mails.
    E-mails follow each member's frequency; a
    `kind` registered as urgent is e-mailed now with `email`. Returns the activity.

    Modules call it when something happens: `notify(user, _("a proposé"), proposal)`.
    """
    if space is _UNSET:
        space = space_of(target)
    activity = Activity.objects.create(
        actor=actor,
        verb=str(verb),
        title=(title or object_title(target))[:255],
        url=url or object_url(target),
        space=space,
        content_type=content_type_for(target),
        object_id=target.pk,
        is_public=public,
    )
    if recipients is None:
        ids = _followers(activity, target)
    else:
        recipients = list(recipients)
        ids = {user.pk for user in recipients}
    if activity.space is not None:
        ids = _who_can_see(activity.space, ids)
    Notification.objects.bulk_create(
        [Notification(recipient_id=pk, activity=activity) for pk in ids],
        ignore_conflicts=True,
    )
    if kind is not None and registry.notification_kind(kind).urgent:
        users = [user for user in recipients if user.pk in ids]
        emails.send_urgent(activity, users, email)
    elif ids and settings.MAILLAGE_NOTIFICATION_EMAILS:
        transaction.on_commit(lambda: send_notification_emails.enqueue(activity.pk))
    return activity


def _followers(activity, target):
    followed = [target]
    if activity.space is not None and activity.space != target:
        followed.append(activity.space)
    if activity.actor is not None:
        followed.append(activity.actor)
    thematiques = getattr(target, "thematiques", None)
    if thematiques is not None:
        followed.extend(thematiques.all())
    followed.extend(_territories(target))
    return follower_ids(*followed) - {activity.actor_id}


def _territories(target):
    """The département and région `target` is located in (its `departement` and `region`
    attributes, when it has them). Following a région covers its départements' content;
    following a département does not bring what is tagged with the région only."""
    departement = getattr(target, "departement", None)
    region = getattr(target, "region", None) or getattr(departement, "region", None)
    return [territory for territory in (departement, region) if territory is not None]


def _who_can_see(space, user_ids):
    users = get_user_model().objects.filter(pk__in=user_ids, is_active=True)
    if space.visibility != Visibility.PRIVATE:
        return set(users.values_list("pk", flat=True))
    invited = set(
        SpaceMembership.objects.filter(space=space, user__in=users).values_list("user", flat=True)
    )
    return invited | {user.pk for user in users.exclude(pk__in=invited) if is_moderator(user)}


def set_hidden(model, ids, hidden):
    """Moderation hid or restored objects of `model`: their activities follow."""
    Activity.objects.filter(content_type=content_type_for(model), object_id__in=ids).update(
        is_hidden=hidden
    )


def feed(user, space=None):
    """The activities `user` may see, newest first (of `space` only, when given)."""
    activities = Activity.objects.visible_to(user).for_feed()
    return activities.filter(space=space) if space is not None else activities


def mark_read(user, target):
    """`user` has seen `target` (a conversation they read): its notifications are read,
    so no digest e-mails them again."""
    Notification.objects.filter(
        recipient=user,
        activity__content_type=content_type_for(target),
        activity__object_id=target.pk,
    ).unread().update(read_at=timezone.now())


# Asked with the member's other per-page facts, in one query (maillage/member_facts.py).
UNREAD_FACT = member_facts.Fact(
    "unread_notifications",
    lambda user: Notification.objects.filter(recipient=user).unread().values("pk"),
    "count",
)


def unread_count(user):
    return member_facts.value(user, UNREAD_FACT) if user.is_authenticated else 0
