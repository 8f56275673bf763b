"""Sending an issue, in batches, at most once per recipient.

`start` writes one pending `Delivery` per recipient (the unique constraint on issue and
subscriber makes a second start, or a concurrent one, add nobody), then `send_pending`
works through them: each batch is claimed (marked "sending", rows locked with SKIP
LOCKED so that two workers share the list), sent over one SMTP connection, then marked
sent or failed. After a crash, running `send_pending` again sends only what is still
pending. A batch cut off in the middle stays "sending": those recipients may or may not
have received it, so after `STALE_AFTER` they are marked failed rather than sent again
(a duplicate is the one thing a reader must never get).

A batch costs a fixed number of queries whatever its size: the recipients' profiles and
the candidates of the automatic blocks are loaded once per batch."""

import datetime
import smtplib

from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from gazette import emails, personal, tokens
from gazette.audience import recipients
from gazette.models import Delivery, DeliveryStatus, Sending, Subscriber

BATCH_SIZE = 100
STALE_AFTER = datetime.timedelta(hours=1)


class SendingRefused(Exception):
    """The issue cannot be sent (not published, already sent); the message says why."""


def sending_of(issue):
    return Sending.objects.filter(issue=issue).first()


def schedule(issue, when, user):
    """Send `issue` at `when`: `send_due` starts it once the time has come."""
    if not issue.live:
        raise SendingRefused(_("Publiez ce numéro avant d’en programmer l’envoi."))
    with transaction.atomic():
        sending, _created = Sending.objects.select_for_update().get_or_create(issue=issue)
        if sending.started_at:
            raise SendingRefused(_("Ce numéro a déjà été envoyé."))
        sending.scheduled_at = when
        sending.requested_by = user
        sending.save(update_fields=["scheduled_at", "requested_by"])
    return sending


def unschedule(issue):
    Sending.objects.filter(issue=issue, started_at=None).update(scheduled_at=None)


def start(issue, user=None, now=None):
    """Write the list of recipients, once; returns how many were added."""
    if not issue.live:
        raise SendingRefused(_("Publiez ce numéro avant de l’envoyer."))
    now = now or timezone.now()
    with transaction.atomic():
        sending, _created = Sending.objects.select_for_update().get_or_create(issue=issue)
        if sending.started_at:
            raise SendingRefused(_("Ce numéro a déjà été envoyé."))
        created = Delivery.objects.bulk_create(
            [
                Delivery(issue=issue, subscriber_id=pk)
                for pk in recipients(issue).order_by("pk").values_list("pk", flat=True)
            ],
            ignore_conflicts=True,
            batch_size=1000,
        )
        sending.started_at = now
        sending.requested_by = sending.requested_by or user
        sending.save(update_fields=["started_at", "requested_by"])
    return len(created)


def due_issue_ids(now=None):
    """Issues whose scheduled time has come and that were not started."""
    return list(
        Sending.objects.filter(
            scheduled_at__lte=now or timezone.now(), started_at=None, issue__live=True
        ).values_list("issue_id", flat=True)
    )


def unfinished_issue_ids():
    return list(
        Sending.objects.filter(started_at__isnull=False, finished_at=None).values_list(
            "issue_id", flat=True
        )
    )


def _fail_stale(issue, now):
    Delivery.objects.filter(
        issue=issue, status=DeliveryStatus.SENDING, claimed_at__lt=now - STALE_AFTER
    ).update(
        status=DeliveryStatus.FAILED,
        error=_("Envoi interrompu : non renvoyé, pour ne pas risquer un doublon."),
    )


def _claim(issue, batch_size):
    """Take up to `batch_size` pending deliveries for this worker."""
    with transaction.atomic():
        pks = list(
            Delivery.objects.filter(issue=issue, status=DeliveryStatus.PENDING)
            .order_by("pk")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:batch_size]
        )
        Delivery.objects.filter(pk__in=pks).update(
            status=DeliveryStatus.SENDING, claimed_at=timezone.now()
        )
    return list(
        Delivery.objects.filter(pk__in=pks)
        .order_by("pk")
        .select_related("subscriber__user__profile")
        .prefetch_related("subscriber__user__profile__thematiques")
    )


def _send_batch(issue, deliveries, since, now):
    active = Subscriber.objects.active().filter(
        pk__in=[delivery.subscriber_id for delivery in deliveries]
    )
    active_ids = set(active.values_list("pk", flat=True))
    skipped = [d.pk for d in deliveries if d.subscriber_id not in active_ids]
    deliveries = [d for d in deliveries if d.subscriber_id in active_ids]
    readers = [personal.reader_for(delivery.subscriber.user) for delivery in deliveries]
    personal.fill(readers, since, now)
    sent, failed = [], []
    with get_connection() as connection:
        for delivery, reader in zip(deliveries, readers, strict=True):
            subscriber = delivery.subscriber
            message = emails.build(
                issue, reader, subscriber.address, tokens.unsubscribe_url(subscriber)
            )
            message.connection = connection
            try:
                message.send()
            except (smtplib.SMTPException, OSError) as error:
                delivery.status, delivery.error = DeliveryStatus.FAILED, str(error)[:300]
                failed.append(delivery)
            else:
                sent.append(delivery.pk)
    Delivery.objects.filter(pk__in=sent).update(status=DeliveryStatus.SENT, sent_at=timezone.now())
    Delivery.objects.filter(pk__in=skipped).update(status=DeliveryStatus.SKIPPED)
    Delivery.objects.bulk_update(failed, ["status", "error"])


def send_pending(issue, batch_size=BATCH_SIZE, max_batches=None, now=None):
    """Send the pending deliveries of a started issue, batch after batch; returns the
    number of batches sent. `max_batches` stops early (a worker's share)."""
    now = now or timezone.now()
    _fail_stale(issue, now)
    since = issue.novelties_since()
    batches = 0
    while max_batches is None or batches < max_batches:
        deliveries = _claim(issue, batch_size)
        if not deliveries:
            break
        _send_batch(issue, deliveries, since, now)
        batches += 1
    unfinished = Delivery.objects.filter(
        issue=issue, status__in=[DeliveryStatus.PENDING, DeliveryStatus.SENDING]
    )
    if not unfinished.exists():
        Sending.objects.filter(issue=issue, finished_at=None).update(finished_at=timezone.now())
    return batches


def send_test(issue, user):
    """The issue as `user` would receive it, to `user` only, marked as a test."""
    reader = personal.reader_for(user)
    personal.fill([reader], issue.novelties_since())
    subscriber = Subscriber.objects.active().filter(user=user).first()
    url = tokens.unsubscribe_url(subscriber) if subscriber else None
    emails.build(issue, reader, user.email, url, test=True).send()


def counts(issue_ids):
    """{issue_id: {status: count}} for the admin, in one query."""
    rows = (
        Delivery.objects.filter(issue__in=issue_ids)
        .order_by()
        .values_list("issue", "status")
        .annotate(total=Count("pk"))
    )
    result = {pk: dict.fromkeys(DeliveryStatus.values, 0) for pk in issue_ids}
    for issue_id, status, total in rows:
        result[issue_id][status] = total
    return result
