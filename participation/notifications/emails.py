"""Notification e-mails and the one place that says when a member gets one: at once for
members who chose it (and, for urgent kinds, for everyone who did not refuse e-mails),
otherwise in a daily or weekly digest in the groups of the notifications page
(`grouping`), never for those who said never.
`emailed_at` records what was sent, so nothing is sent twice."""

from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.notifications import grouping
from participation.notifications.models import EmailFrequency, Notification, NotificationSettings

DEFAULT_FREQUENCY = EmailFrequency.WEEKLY
# A little slack so that a cron job running at the same hour each day is always due.
DIGEST_PERIODS = {
    EmailFrequency.DAILY: timedelta(days=1) - timedelta(hours=1),
    EmailFrequency.WEEKLY: timedelta(days=7) - timedelta(hours=1),
}


def emailed_at_once(frequency, *, urgent=False):
    """Whether a notification goes out by e-mail as soon as it is made."""
    return frequency == EmailFrequency.IMMEDIATE or (urgent and frequency != EmailFrequency.NEVER)


def digest_due(frequency, last_sent, now):
    """Whether a member's digest of what was not e-mailed yet is due."""
    if frequency not in DIGEST_PERIODS:
        return False
    return last_sent is None or now - last_sent >= DIGEST_PERIODS[frequency]


def frequencies(user_ids):
    """Each member's chosen rhythm (the default for those who never chose)."""
    chosen = dict(
        NotificationSettings.objects.filter(user__in=user_ids).values_list(
            "user", "email_frequency"
        )
    )
    return {pk: chosen.get(pk, DEFAULT_FREQUENCY) for pk in user_ids}


def absolute_url(url):
    return url if url.startswith("http") else settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def _claim(recipient):
    """Lock the member's unsent notifications (others skip them)."""
    return list(
        Notification.objects.unsent()
        .filter(recipient=recipient, activity__is_hidden=False)
        .select_for_update(skip_locked=True, of=("self",))
        .select_related("activity__actor", "activity__space")
        .order_by("-created_at")
    )


def send_immediate(activity_id):
    """E-mail one activity to each of its recipients who wants e-mails at once."""
    pending = Notification.objects.filter(activity_id=activity_id).unsent()
    wanted = frequencies(list(pending.values_list("recipient", flat=True)))
    recipients = get_user_model().objects.filter(
        pk__in=[pk for pk, frequency in wanted.items() if emailed_at_once(frequency)],
        is_active=True,
    )
    for recipient in recipients:
        with transaction.atomic():
            notifications = [n for n in _claim(recipient) if n.activity_id == activity_id]
            if notifications:
                title = notifications[0].activity.title
                _send(
                    recipient,
                    notifications,
                    _("Nouveau sur Maillage : %(title)s") % {"title": title},
                )


def send_urgent(activity, recipients, email, now=None):
    """An urgent kind (an event's reminder) is e-mailed now, with its own message, to the
    `recipients` (users) who did not refuse e-mails; returns the ids e-mailed."""
    now = now or timezone.now()
    wanted = frequencies([user.pk for user in recipients])
    emailed = [user for user in recipients if emailed_at_once(wanted[user.pk], urgent=True)]
    Notification.objects.filter(activity=activity, recipient__in=emailed).update(emailed_at=now)
    if settings.MAILLAGE_NOTIFICATION_EMAILS:
        for user in emailed:
            body = render_to_string(email.template, {"user": user, **email.context})
            send_mail(email.subject, body, None, [user.email])
    return {user.pk for user in emailed}


def send_digests(now=None):
    """Send each member whose digest is due the notifications not yet e-mailed; returns how
    many digests went out."""
    now = now or timezone.now()
    last_sent = dict(NotificationSettings.objects.values_list("user", "last_digest_at"))
    pending = list(
        get_user_model()
        .objects.filter(is_active=True, notifications__in=Notification.objects.unsent())
        .distinct()
    )
    wanted = frequencies([recipient.pk for recipient in pending])
    sent = 0
    for recipient in pending:
        if not digest_due(wanted[recipient.pk], last_sent.get(recipient.pk), now):
            continue
        with transaction.atomic():
            notifications = _claim(recipient)
            if notifications:
                _send(recipient, notifications, _("Votre résumé Maillage"), now=now)
                NotificationSettings.objects.update_or_create(
                    user=recipient, defaults={"last_digest_at": now}
                )
                sent += 1
    return sent


def _send(recipient, notifications, subject, now=None):
    """One e-mail listing `notifications` in the groups of the notifications page."""
    groups = grouping.describe(
        grouping.grouped(Notification.objects.filter(pk__in=[n.pk for n in notifications]))
    )
    for group in groups:
        group.absolute_url = absolute_url(group.opened.activity.url)
    context = {
        "recipient": recipient,
        "groups": groups,
        "notifications_url": absolute_url(reverse("participation:notifications")),
        "preferences_url": absolute_url(reverse("participation:preferences")),
    }
    body = render_to_string("participation/emails/notifications.txt", context)
    send_mail(subject, body, None, [recipient.email])
    Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
        emailed_at=now or timezone.now()
    )
