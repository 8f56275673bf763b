"""CSRF tokens drawn with one call to the system's random source instead of 32.

Django draws each CSRF secret, and the mask that hides it again in every page that shows a
form (`{% csrf_token %}`, the members' htmx headers), character by character with
`secrets.choice`: 32 reads of the system's random source, some 100 microseconds each time,
on every member page. `new_csrf_string` draws the same thing, a string of
CSRF_SECRET_LENGTH characters taken uniformly from CSRF_ALLOWED_CHARS, from one number
drawn uniformly below the count of such strings (`secrets.randbelow`, itself one or two
reads), written in base len(CSRF_ALLOWED_CHARS). `install` puts it in place of Django's
`_get_new_csrf_string`, which `get_token` and the middleware call for secrets and masks.
"""

import secrets

from django.middleware import csrf

CHARS = csrf.CSRF_ALLOWED_CHARS
LENGTH = csrf.CSRF_SECRET_LENGTH
STRINGS = len(CHARS) ** LENGTH


def new_csrf_string():
    number = secrets.randbelow(STRINGS)
    drawn = []
    for _ in range(LENGTH):
        number, digit = divmod(number, len(CHARS))
        drawn.append(CHARS[digit])
    return "".join(drawn)


def install():
    csrf._get_new_csrf_string = new_csrf_string
