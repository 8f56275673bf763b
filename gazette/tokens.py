"""Signed links of the gazette (django.core.signing, keyed by SECRET_KEY): the address
confirmation of a partner (expires) and the unsubscribe link of every e-mail (does not:
an old issue's link must still work)."""

from django.core import signing
from django.urls import reverse

from participation.notifications.api import absolute_url

CONFIRM_SALT = "gazette.confirm"
UNSUBSCRIBE_SALT = "gazette.unsubscribe"
CONFIRM_MAX_AGE = 7 * 24 * 3600


class InvalidLink(Exception):
    """The link was altered, or has expired."""


def confirm_url(email):
    token = signing.dumps(email.lower(), salt=CONFIRM_SALT)
    return absolute_url(reverse("gazette:confirm", args=[token]))


def confirmed_email(token):
    try:
        return signing.loads(token, salt=CONFIRM_SALT, max_age=CONFIRM_MAX_AGE)
    except signing.BadSignature as error:  # SignatureExpired is a BadSignature
        raise InvalidLink from error


def unsubscribe_url(subscriber):
    token = signing.dumps(subscriber.pk, salt=UNSUBSCRIBE_SALT)
    return absolute_url(reverse("gazette:unsubscribe", args=[token]))


def unsubscribed_pk(token):
    try:
        return signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature as error:
        raise InvalidLink from error
