"""Cursor pagination in a stable order: most recently modified first, then by id.

The cursor is opaque to callers (base64 of the last row's sort key): unlike an offset, it
does not skip or repeat rows when content is added while a client walks the pages, and
each page costs the same query whatever its depth. Rows are read with one extra row to
know whether a next page exists: no COUNT query."""

import base64
import binascii
import datetime
import json

from django.db.models import Q, Value
from django.db.models.functions import Coalesce
from django.utils.dateparse import parse_datetime
from django.utils.http import http_date
from django.utils.translation import gettext as _

from api.errors import BadRequest

DEFAULT_SIZE = 20
MAX_SIZE = 100


def encode_cursor(value, pk):
    if isinstance(value, datetime.datetime):
        value = value.isoformat()
    raw = json.dumps([value, pk], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor, ordered):
    """(sort value, pk) from a cursor; a cursor that is not one of ours is a 400."""
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        value, pk = json.loads(base64.urlsafe_b64decode(padded.encode()))
        if not isinstance(pk, int) or isinstance(pk, bool):
            raise ValueError
        if ordered:
            value = parse_datetime(value) if isinstance(value, str) else None
            if value is None:
                raise ValueError
        return value, pk
    except (ValueError, TypeError, binascii.Error, UnicodeDecodeError):
        raise BadRequest(
            _("Curseur invalide : reprenez la valeur « suivant » d’une réponse précédente.")
        ) from None


def page(request, response, queryset, *, order_by=None, size=DEFAULT_SIZE, cursor=None):
    """One page of `queryset` as {"resultats", "suivant"}, in the order of the datetime
    field `order_by` (newest first, then id descending), or by id when None (reference
    data). Sets Last-Modified from the newest row of the page."""
    if order_by:
        queryset = queryset.order_by(f"-{order_by}", "-pk")
    else:
        queryset = queryset.order_by("pk")
    if cursor:
        value, pk = decode_cursor(cursor, ordered=bool(order_by))
        if order_by:
            queryset = queryset.filter(
                Q(**{f"{order_by}__lt": value}) | Q(**{order_by: value, "pk__lt": pk})
            )
        else:
            queryset = queryset.filter(pk__gt=pk)
    rows = list(queryset[: size + 1])
    has_next, rows = len(rows) > size, rows[:size]
    following = None
    if has_next:
        last = rows[-1]
        following = encode_cursor(getattr(last, order_by) if order_by else None, last.pk)
    if order_by and rows:
        newest = max(getattr(row, order_by) for row in rows)
        response["Last-Modified"] = http_date(newest.timestamp())
    return {"resultats": rows, "suivant": following}


def recent_page(request, response, queryset, params, order_by):
    """The page `params` ask for (`limite`, `curseur`) of `queryset`, newest first by the
    datetime field `order_by`; from `params.modifie_depuis` on, when given."""
    if params.modifie_depuis is not None:
        queryset = queryset.filter(**{f"{order_by}__gte": params.modifie_depuis})
    return page(
        request, response, queryset, order_by=order_by, size=params.limite, cursor=params.curseur
    )


# A live page created without a revision (by code) has no publication date yet.
UNKNOWN_DATE = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


def page_modified():
    """When a Wagtail page last changed for readers: its last publication (1970-01-01 for
    a page published by code without a revision), as the annotation `modifie_le`."""
    return Coalesce("last_published_at", "first_published_at", Value(UNKNOWN_DATE))
