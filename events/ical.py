"""iCalendar (RFC 5545) export, small enough not to need a library: times in UTC,
text escaped, lines folded at 75 octets and ended with CRLF."""

from datetime import UTC

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from participation.notifications.api import absolute_url


def _escape(text):
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line):
    """Split after 75 octets without cutting a UTF-8 character; continuation lines start
    with a space."""
    data = line.encode()
    parts = []
    limit = 75
    while len(data) > limit:
        cut = limit
        while cut and (data[cut] & 0xC0) == 0x80:
            cut -= 1
        parts.append(data[:cut])
        data = data[cut:]
        limit = 74
    parts.append(data)
    return "\r\n ".join(part.decode() for part in parts)


def _utc(moment):
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def _location(event):
    """The address, never the connection link: that one is for registrants only."""
    place = ", ".join(part for part in (event.address, event.commune) if part)
    return place or _("En ligne")


def calendar(events, name="Maillage"):
    """The text of a VCALENDAR holding `events`."""
    host = settings.WAGTAILADMIN_BASE_URL.split("://", 1)[-1].split("/", 1)[0]
    stamp = _utc(timezone.now())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Maillage//Agenda du réseau//FR",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{_escape(name)}",
    ]
    for event in events:
        url = absolute_url(event.get_absolute_url())
        lines += [
            "BEGIN:VEVENT",
            f"UID:event-{event.pk}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{_utc(event.start_at)}",
            f"DTEND:{_utc(event.end_at)}",
            f"SUMMARY:{_escape(event.title)}",
            f"DESCRIPTION:{_escape(event.description + chr(10) + chr(10) + url)}",
            f"LOCATION:{_escape(_location(event))}",
            f"URL:{url}",
            f"CATEGORIES:{_escape(event.get_format_display())}",
            f"LAST-MODIFIED:{_utc(event.updated_at)}",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)
