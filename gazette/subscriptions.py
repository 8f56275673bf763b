"""Subscribing and unsubscribing: members say yes from their notification settings
(their address is already confirmed); partners give an address and confirm it through
a signed link (double opt-in). Every change keeps its date: when consent was given,
when the address was confirmed, when it was withdrawn."""

from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from gazette import tokens
from gazette.models import Subscriber


def is_subscribed(user):
    return Subscriber.objects.active().filter(user=user).exists()


def set_member_subscription(user, subscribed, now=None):
    """A member's yes (consent dated now) or no (withdrawal dated now)."""
    now = now or timezone.now()
    with transaction.atomic():
        subscriber = Subscriber.objects.select_for_update().filter(user=user).first()
        if subscribed:
            if subscriber is None:
                Subscriber.objects.create(user=user, consented_at=now, confirmed_at=now)
            elif not subscriber.is_active:
                subscriber.consented_at = subscriber.confirmed_at = now
                subscriber.unsubscribed_at = None
                subscriber.save(update_fields=["consented_at", "confirmed_at", "unsubscribed_at"])
        elif subscriber is not None and subscriber.unsubscribed_at is None:
            subscriber.unsubscribed_at = now
            subscriber.save(update_fields=["unsubscribed_at"])


def _partner(email):
    return Subscriber.objects.partners().filter(email__iexact=email)


def request_subscription(email):
    """Record the request and e-mail the confirmation link, unless the address already
    receives the gazette. Says nothing either way: the page must not reveal who reads."""
    existing = _partner(email).first()
    if existing is not None and existing.is_active:
        return
    if existing is None:
        Subscriber.objects.create(email=email.lower())
    else:
        existing.requested_at = timezone.now()
        existing.save(update_fields=["requested_at"])
    body = render_to_string("gazette/email/confirm.txt", {"url": tokens.confirm_url(email)})
    send_mail(_("Confirmez votre abonnement à la gazette de Maillage"), body, None, [email])


def confirm_partner(email, now=None):
    """The address is confirmed: from now on it receives the gazette."""
    now = now or timezone.now()
    with transaction.atomic():
        subscriber = _partner(email).select_for_update().first()
        if subscriber is None:
            subscriber = Subscriber(email=email.lower())
        if not subscriber.is_active:
            subscriber.consented_at = subscriber.confirmed_at = now
            subscriber.unsubscribed_at = None
            subscriber.save()
    return subscriber


def unsubscribe(subscriber_pk, now=None):
    """Withdraw a subscription (a link from an e-mail); True if there was one to end."""
    return bool(
        Subscriber.objects.filter(pk=subscriber_pk, unsubscribed_at=None).update(
            unsubscribed_at=now or timezone.now()
        )
    )
