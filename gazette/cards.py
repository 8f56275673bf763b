"""What a gazette card shows of each kind of content, as plain values (title, address,
line of meta, summary) that the web page, the HTML e-mail and its text part all render
the same way. Nothing here queries the database: callers load what the cards read."""

from dataclasses import dataclass

from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from maillage.french_dates import date_format
from participation.notifications.api import absolute_url

SUMMARY_WORDS = 40


@dataclass(frozen=True)
class Card:
    title: str
    url: str
    meta: str
    summary: str = ""


def _summary(text):
    return Truncator(text or "").words(SUMMARY_WORDS)


def _date(value):
    return date_format(value, "j F Y")


def news_card(page):
    return Card(page.title, absolute_url(page.url), _date(page.date), _summary(page.introduction))


def experience_card(page):
    meta = " · ".join(str(part) for part in (_("Retour d’expérience"), page.year) if part)
    return Card(page.title, absolute_url(page.url), meta, _summary(page.introduction))


def resource_card(resource):
    meta = " · ".join(
        str(part) for part in (resource.get_resource_type_display(), resource.year) if part
    )
    return Card(resource.title, absolute_url(resource.url), meta, _summary(resource.description))


def event_card(event):
    place = event.commune or (_("En ligne") if event.online_url else "")
    when = date_format(timezone.localtime(event.start_at), "l j F Y, H:i")
    meta = " · ".join(part for part in (when, place) if part)
    return Card(
        event.title, absolute_url(event.get_absolute_url()), meta, _summary(event.description)
    )


def space_card(space):
    return Card(
        space.title,
        absolute_url(space.url),
        _("Démarche participative"),
        _summary(space.introduction),
    )
