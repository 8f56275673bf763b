"""What an event page shows besides the event itself: its programme by day (side by side
for a gathering over several days), its workshops with their places, and its minutes.
A fixed number of queries whatever the size of each, read only when the page's shared
fragment is rendered (`lazy_page_context`), not when it is served from the cache."""

import functools
from itertools import groupby

from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from events.models import MinutesDebate, MinutesDocument, MinutesPhoto, MinutesProposal
from events.services import workshop_places
from participation.spaces.api import SpacePage


def page_context(event, user):
    """Call inside `timezone.override(event.tzinfo)`: days are the event's local days."""
    items = list(event.programme_items.prefetch_related("speakers"))
    workshops = list(event.workshops.all())
    taken = workshop_places(event) if workshops else {}
    for workshop in workshops:
        workshop.places_taken = taken.get(workshop.pk, 0)
        workshop.places_left = (
            None if workshop.capacity is None else max(workshop.capacity - workshop.places_taken, 0)
        )
    return {
        "programme_days": _days(items, workshops),
        "workshops": workshops,
        "minutes": _minutes(event, user) if event.minutes_published else None,
    }


def lazy_page_context(event, user):
    """`page_context`, each value read on first use (all three at once): the page's
    fragment reads them on its miss, so that it notes their tables."""
    read = functools.cache(lambda: page_context(event, user))
    return {name: SimpleLazyObject(lambda name=name: read()[name]) for name in PAGE_CONTEXT}


PAGE_CONTEXT = ("programme_days", "workshops", "minutes")


def _local_day(entry):
    return timezone.localtime(entry.start_at).date()


def _days(items, workshops):
    entries = sorted(
        [("item", item) for item in items] + [("workshop", w) for w in workshops],
        key=lambda entry: (entry[1].start_at, entry[0] == "workshop", entry[1].sort_order or 0),
    )
    return [
        {
            "date": day,
            "entries": [{"kind": kind, "object": obj} for kind, obj in group],
        }
        for day, group in groupby(entries, key=lambda entry: _local_day(entry[1]))
    ]


def _minutes(event, user):
    """The minutes' documents and photos, and the proposals and debates they link to
    that `user` may see (published, not hidden, in a space they see)."""
    spaces = SpacePage.objects.visible_to(user).values("pk")
    return {
        "documents": [
            row.document
            for row in MinutesDocument.objects.filter(event=event).select_related("document")
        ],
        "photos": list(MinutesPhoto.objects.filter(event=event).select_related("image")),
        "proposals": [
            row.proposal
            for row in MinutesProposal.objects.filter(
                event=event,
                proposal__space__in=spaces,
                proposal__is_hidden=False,
                proposal__published_at__isnull=False,
            ).select_related("proposal")
        ],
        "debates": [
            row.debate
            for row in MinutesDebate.objects.filter(
                event=event, debate__space__in=spaces, debate__is_hidden=False
            ).select_related("debate")
        ],
    }
