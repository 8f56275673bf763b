"""What the datasets share: the anonymous visitor whose view they publish, the size of
their query batches, absolute addresses and the text of the usual cells."""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils import timezone

CHUNK = 500
ANONYMOUS = AnonymousUser()


def absolute(path):
    """The address on the public site (the one Wagtail writes in its e-mails)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def names(objects):
    """Several names in one cell, separated by “ ; ” (names may hold commas)."""
    return " ; ".join(str(item) for item in objects)


def moment(value):
    """A date and time in ISO 8601, in the site's time zone; empty when there is none."""
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def territory(item):
    """The région and the département of a TerritoryMixin, as two cells."""
    return (
        item.region.name if item.region_id else "",
        str(item.departement) if item.departement_id else "",
    )
