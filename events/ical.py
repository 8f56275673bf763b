"""iCalendar (RFC 5545) output with the `icalendar` library: times in the event's own
zone (Paris, or an overseas one) with the matching VTIMEZONE, so that a calendar shows
a meeting in Saint-Denis de La Réunion at the hour printed on its invitation. Never the
connection link: these files are public."""

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar
from icalendar import Event as VEvent

from participation.notifications.api import absolute_url


def _location(event):
    place = ", ".join(part for part in (event.address, event.commune) if part)
    return place or _("En ligne")


def _vevent(event, host, stamp):
    url = absolute_url(event.get_absolute_url())
    tz = event.tzinfo
    vevent = VEvent()
    vevent.add("uid", f"event-{event.pk}@{host}")
    vevent.add("dtstamp", stamp)
    vevent.add("dtstart", timezone.localtime(event.start_at, tz))
    vevent.add("dtend", timezone.localtime(event.end_at, tz))
    vevent.add("summary", event.title)
    vevent.add("description", f"{event.description}\n\n{url}")
    vevent.add("location", _location(event))
    vevent.add("url", url)
    vevent.add("categories", [event.get_format_display()])
    vevent.add("last-modified", event.updated_at)
    return vevent


def calendar(events, name="Maillage"):
    """The bytes of a VCALENDAR holding `events`, with a VTIMEZONE per zone used."""
    host = settings.WAGTAILADMIN_BASE_URL.split("://", 1)[-1].split("/", 1)[0]
    cal = Calendar()
    cal.add("prodid", "-//Maillage//Agenda du réseau//FR")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    stamp = timezone.now()
    for event in events:
        cal.add_component(_vevent(event, host, stamp))
    cal.add_missing_timezones()
    return cal.to_ical()
