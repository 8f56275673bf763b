from django import template

from barcamp.models import BarcampSettings, Session
from barcamp.rules import access
from maillage import table_versions

register = template.Library()

# Read from the exact cache until a table it read is written; this bounds how long an
# unread one stays.
CACHED_SECONDS = 3600


def _barcamp_of(event_pk):
    """(settings, number of sessions) of the event's barcamp, None when it is not one;
    from the exact cache, the same for everyone: a new session or new settings expire it."""

    def read():
        barcamp = BarcampSettings.objects.filter(event_id=event_pk).select_related("event").first()
        if barcamp is None:
            return None
        return barcamp, Session.objects.filter(barcamp=barcamp).count()

    key = table_versions.key("barcamp-of-event", event_pk)
    return table_versions.cached(key, read, CACHED_SECONDS)


@register.inclusion_tag("barcamp/includes/event_section.html", takes_context=True)
def barcamp_section(context, event):
    """The barcamp box of an event page (nothing when the event is not a barcamp):
    pitch, choose, grid and organisers' links; no query once in the cache but the
    visitor's rights (their registrations, from the cache too)."""
    found = _barcamp_of(event.pk)
    if found is None:
        return {"barcamp": None}
    barcamp, session_count = found
    request = context["request"]
    return {
        "barcamp": barcamp,
        "rights": access(request.user, barcamp),
        "session_count": session_count,
        "request": request,
    }
