"""Record what happened and notify the members who follow it."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction

from participation.models import Activity, Notification, SpaceMembership, Visibility
from participation.roles import is_moderator
from participation.services.follows import follower_ids
from participation.utils import content_type_for, object_title, object_url, space_of

_UNSET = object()


def record_activity(actor, verb, target, *, space=_UNSET, title=None, url=None, notify=True):
    """Add `target` to the activity feeds and notify followers of the target, of its space,
    of the actor and of its thématiques (never the actor, never someone who cannot see it).

    Modules call it when something happens: `record_activity(user, _("a proposé"), proposal)`.
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
    )
    if notify:
        _notify(activity, target)
    return activity


def _notify(activity, target):
    followed = [target]
    if activity.space is not None and activity.space != target:
        followed.append(activity.space)
    if activity.actor is not None:
        followed.append(activity.actor)
    thematiques = getattr(target, "thematiques", None)
    if thematiques is not None:
        followed.extend(thematiques.all())
    recipients = follower_ids(*followed) - {activity.actor_id}
    if activity.space is not None:
        recipients = _who_can_see(activity.space, recipients)
    Notification.objects.bulk_create(
        [Notification(recipient_id=pk, activity=activity) for pk in recipients],
        ignore_conflicts=True,
    )
    if recipients and settings.MAILLAGE_NOTIFICATION_EMAILS:
        from participation.tasks import send_notification_emails

        transaction.on_commit(lambda: send_notification_emails.enqueue(activity.pk))


def _who_can_see(space, user_ids):
    users = get_user_model().objects.filter(pk__in=user_ids, is_active=True)
    if space.visibility != Visibility.PRIVATE:
        return set(users.values_list("pk", flat=True))
    invited = set(
        SpaceMembership.objects.filter(space=space, user__in=users).values_list("user", flat=True)
    )
    return invited | {user.pk for user in users.exclude(pk__in=invited) if is_moderator(user)}
