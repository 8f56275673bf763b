"""Notifications grouped by what they are about, the one rule that the notifications page,
the home page and the digest e-mails share.

A group is a member's notifications with the same verb on the same page: twenty comments
on one proposal make one group ("20 nouveaux commentaires sur « … »"), whatever the
comment each one points to (the page is the activity's address without its `?query` and
`#anchor`).
Grouping is one SQL aggregate, and describing a page of groups one more query, whatever
the number of notifications. Hidden activities (a deleted or moderated comment) do not
count.

"Depuis votre dernière visite": each view of the notifications page is a visit; views
less than `VISIT_GAP` apart are the same visit, so that paging or coming back from a
notification does not empty the view. The view shows what arrived after the previous
visit."""

import re
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.db.models import CharField, Count, F, Func, Max, Min, Q, Value
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from participation.notifications.models import Notification, NotificationSettings

VISIT_GAP = timedelta(minutes=30)

# The page a notification leads to, without the thread page and anchor of the comment it
# names (`?page=2#c41`).
PAGE = Func(
    F("activity__url"),
    Value("[?#].*$"),
    Value(""),
    function="regexp_replace",
    output_field=CharField(),
)

# How a group of several notifications reads, by verb (as `notify()` stored it). Modules
# add theirs with `register_wording`; other verbs read "3 nouveautés sur « … »".
_wordings = {
    "a commenté": ngettext_lazy(
        "%(count)s nouveau commentaire sur « %(title)s »",
        "%(count)s nouveaux commentaires sur « %(title)s »",
        "count",
    ),
    "a répondu à un commentaire sur": ngettext_lazy(
        "%(count)s nouvelle réponse à un commentaire sur « %(title)s »",
        "%(count)s nouvelles réponses à des commentaires sur « %(title)s »",
        "count",
    ),
}
OTHER = ngettext_lazy(
    "%(count)s nouveauté sur « %(title)s »", "%(count)s nouveautés sur « %(title)s »", "count"
)


def register_wording(verb, wording):
    """How a group of `verb` notifications reads: an `ngettext_lazy` on `count` whose
    text takes `%(count)s` and `%(title)s`."""
    _wordings[str(verb)] = wording


@dataclass
class Group:
    verb: str
    count: int
    unread: int
    latest: Notification
    first_unread: Notification | None

    @property
    def activity(self):
        return self.latest.activity

    @property
    def opened(self):
        """The notification the group's link opens: the first one not read yet."""
        return self.first_unread or self.latest

    @property
    def summary(self):
        activity = self.activity
        if self.count == 1:
            actor = f"{activity.actor.display_name} " if activity.actor else ""
            return f"{actor}{activity.verb} « {activity.title} »"
        wording = _wordings.get(self.verb, OTHER)
        return wording % {"count": self.count, "title": activity.title}

    @property
    def unread_label(self):
        return ngettext_lazy("%(count)s non lue", "%(count)s non lues", "count") % {
            "count": self.unread
        }


def grouped(notifications):
    """One row per group of `notifications` (a queryset), newest group first."""
    unread = Q(read_at__isnull=True)
    return (
        notifications.filter(activity__is_hidden=False)
        .annotate(page=PAGE)
        .values("activity__verb", "page")
        .annotate(
            count=Count("pk"),
            unread=Count("pk", filter=unread),
            latest_at=Max("created_at"),
            latest_id=Max("pk"),
            first_unread_id=Min("pk", filter=unread),
        )
        .order_by("-latest_at", "-latest_id")
    )


def describe(rows):
    """The `Group`s of aggregate rows (a page of `grouped()`), in one query."""
    rows = list(rows)
    ids = {row["latest_id"] for row in rows} | {row["first_unread_id"] for row in rows}
    found = Notification.objects.select_related("activity__actor", "activity__space").in_bulk(
        [pk for pk in ids if pk is not None]
    )
    return [
        Group(
            verb=row["activity__verb"],
            count=row["count"],
            unread=row["unread"],
            latest=found[row["latest_id"]],
            first_unread=found.get(row["first_unread_id"]),
        )
        for row in rows
    ]


def groups_of(user, *, unread=False, since=None, limit=None):
    """`user`'s groups, newest first: of unread notifications only (`unread`), of what
    arrived after `since` only, when given."""
    notifications = Notification.objects.filter(recipient=user)
    if unread:
        notifications = notifications.unread()
    if since is not None:
        notifications = notifications.filter(created_at__gt=since)
    rows = grouped(notifications)
    return describe(rows[:limit] if limit is not None else rows)


def same_group(notification):
    """The recipient's notifications in the group of `notification`."""
    page = re.split("[?#]", notification.activity.url, maxsplit=1)[0]
    return Notification.objects.filter(
        Q(activity__url=page)
        | Q(activity__url__startswith=f"{page}#")
        | Q(activity__url__startswith=f"{page}?"),
        recipient_id=notification.recipient_id,
        activity__verb=notification.activity.verb,
    )


def mark_group_read(notification):
    """Mark read every unread notification of the group; returns how many."""
    return same_group(notification).unread().update(read_at=timezone.now())


def record_visit(user, now=None):
    """The member views the notifications page: returns when their previous visit ended
    (None for a first visit), the start of "Depuis votre dernière visite"."""
    now = now or timezone.now()
    with transaction.atomic():
        row, _created = NotificationSettings.objects.select_for_update().get_or_create(user=user)
        if row.visited_at is None or now - row.visited_at >= VISIT_GAP:
            row.previous_visit_at = row.visited_at
        row.visited_at = now
        row.save(update_fields=["visited_at", "previous_visit_at"])
    return row.previous_visit_at


VISIT_RULE = _(
    "Une visite regroupe vos passages sur cette page à moins de 30 minutes d’intervalle ; "
    "cette vue montre ce qui est arrivé après la fin de votre visite précédente."
)
