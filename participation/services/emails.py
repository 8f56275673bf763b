"""Notification emails: one at a time for members who want them immediately, otherwise
short digests grouped by space. `emailed_at` records what was sent, so nothing is sent
twice."""

from datetime import timedelta
from itertools import groupby

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.models import EmailFrequency, Notification, NotificationSettings

# A little slack so that a cron job running at the same hour each day is always due.
DIGEST_PERIODS = {
    EmailFrequency.DAILY: timedelta(days=1) - timedelta(hours=1),
    EmailFrequency.WEEKLY: timedelta(days=7) - timedelta(hours=1),
}


def absolute_url(url):
    return url if url.startswith("http") else settings.WAGTAILADMIN_BASE_URL.rstrip("/") + url


def frequency_of(user):
    settings_row = NotificationSettings.objects.filter(user=user).first()
    return settings_row.email_frequency if settings_row else EmailFrequency.WEEKLY


def _claim(recipient):
    """Lock the member's unsent notifications (others skip them) in digest order."""
    return list(
        Notification.objects.unsent()
        .filter(recipient=recipient, activity__is_hidden=False)
        .select_for_update(skip_locked=True, of=("self",))
        .select_related("activity__actor", "activity__space")
        .order_by("activity__space__title", "-created_at")
    )


def send_immediate(activity_id):
    """Email one activity to each recipient who asked for immediate emails."""
    immediate = NotificationSettings.objects.filter(
        email_frequency=EmailFrequency.IMMEDIATE
    ).values("user")
    recipients = get_user_model().objects.filter(
        pk__in=Notification.objects.filter(activity_id=activity_id, recipient__in=immediate)
        .unsent()
        .values("recipient"),
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


def send_digests(now=None):
    """Send each member whose digest is due the notifications not yet emailed; returns how
    many digests went out."""
    now = now or timezone.now()
    preferences = dict(NotificationSettings.objects.values_list("user", "email_frequency"))
    last_sent = dict(NotificationSettings.objects.values_list("user", "last_digest_at"))
    pending = (
        get_user_model()
        .objects.filter(is_active=True, notifications__in=Notification.objects.unsent())
        .distinct()
    )
    sent = 0
    for recipient in pending:
        frequency = preferences.get(recipient.pk, EmailFrequency.WEEKLY)
        if frequency not in DIGEST_PERIODS:
            continue
        last = last_sent.get(recipient.pk)
        if last and now - last < DIGEST_PERIODS[frequency]:
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
    groups = [
        {"space": space, "items": [n.activity for n in items]}
        for space, items in groupby(notifications, key=lambda n: n.activity.space)
    ]
    for group in groups:
        for activity in group["items"]:
            activity.absolute_url = absolute_url(activity.url)
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
