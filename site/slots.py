"""Slots: what differs between the readers of HTML rendered once for all of them.

HTML shared by every reader (a card of the proposals list, a page of a comment thread)
is rendered without the request; what belongs to the reader of one response (the CSRF
field with their token, the path a form comes back to, their reaction or their links)
is left in it as a *slot*, an HTML comment that the module's `personalize` replaces for
each response.

A marker holds a secret derived from SECRET_KEY, one per kind of shared HTML (its
`namespace`), and starts with "<": every value a member writes is escaped, so nobody can
write one, and none is ever sent since `personalize` replaces every marker. The first
eight characters of the secret (`version`) go into the cache key of the shared HTML:
a new secret key must not meet HTML holding the former markers."""

import functools

from django.conf import settings
from django.middleware.csrf import get_token
from django.utils.crypto import salted_hmac
from django.utils.html import format_html
from django.utils.safestring import mark_safe


@functools.cache
def _secret(namespace, secret_key):
    return salted_hmac(namespace, "slot", secret=secret_key).hexdigest()[:32]


class Slots:
    """The markers of one kind of shared HTML."""

    def __init__(self, namespace):
        self.namespace = namespace

    def secret(self):
        return _secret(self.namespace, settings.SECRET_KEY)

    def marker(self, kind, *args):
        """The marker of the slot `kind` (its arguments, numbers, after it)."""
        return mark_safe(f"<!--{self.secret()}:{kind}:{':'.join(str(arg) for arg in args)}-->")

    def version(self):
        """What a cache key of HTML holding these markers includes."""
        return self.secret()[:8]


def csrf_field(request):
    """The hidden CSRF field of a form, with the token of `request`'s reader."""
    return format_html(
        '<input type="hidden" name="csrfmiddlewaretoken" value="{}">', get_token(request)
    )
