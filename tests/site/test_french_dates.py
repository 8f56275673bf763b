"""The first of the month is written "1er" in French dates, on every page (the `date`
filter is a template builtin) and in the French text Python writes; numbers stay numbers."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Engine, Template
from django.utils import timezone
from django.utils.translation import override

from gazette.cards import event_card
from maillage.french_dates import date_format
from tests.factories import EventFactory

FIRST, SECOND = datetime(2026, 12, 1, 14, 30), datetime(2026, 12, 2, 14, 30)


def _render(source, value, language="fr"):
    with override(language):
        return Template(source).render(Context({"d": value}))


@pytest.mark.parametrize(
    ("source", "first", "second"),
    [
        ('{{ d|date:"j F Y" }}', "1er décembre 2026", "2 décembre 2026"),
        ('{{ d|date:"l j F Y à H:i" }}', "mardi 1er décembre 2026 à 14:30", None),
        ('{{ d|date:"j N Y" }}', "1er déc. 2026", "2 déc. 2026"),
        ('{{ d|date:"D j b" }}', "mar 1er déc", "mer 2 déc"),
        ("{{ d|date }}", "1er décembre 2026", "2 décembre 2026"),
        ('{{ d|date:"DATETIME_FORMAT" }}', "1er décembre 2026 14:30", None),
        ('{{ d|date:"SHORT_DATE_FORMAT" }}', "01/12/2026", None),
        ('{{ d|date:"j" }}', "1", None),  # no month after it: the calendar badge's digit
        ('{{ d|date:"j/m/Y" }}', "1/12/2026", None),
        (r'{{ d|date:"\j F" }}', "j décembre", None),  # an escaped j is a letter
        ('{{ d|date:"c" }}', "2026-12-01T14:30:00", None),
    ],
)
def test_the_first_of_the_month_is_1er_and_other_days_unchanged(source, first, second):
    assert _render(source, FIRST) == first
    if second:
        assert _render(source, SECOND) == second


def test_only_in_french_and_for_dates_without_time_too():
    assert _render('{{ d|date:"j F Y" }}', date(2027, 1, 1)) == "1er janvier 2027"
    assert _render('{{ d|date:"j F Y" }}', FIRST, language="en") == "1 December 2026"
    assert _render('{{ d|date:"j F Y" }}', None) == ""
    assert _render('{{ d|date:"j F Y" }}', "pas une date") == ""


def test_python_side_french_text_says_1er():
    with override("fr"):
        assert date_format(FIRST.date(), "j F Y") == "1er décembre 2026"
        assert date_format(SECOND.date()) == "2 décembre 2026"
        assert date_format(FIRST, "SHORT_DATE_FORMAT") == "01/12/2026"


@pytest.mark.django_db
def test_event_page_and_gazette_card_say_1er(client):
    paris = ZoneInfo("Europe/Paris")
    start = datetime(2030, 1, 1, 10, 0, tzinfo=paris)
    end = datetime(2030, 1, 2, 17, 0, tzinfo=paris)
    event = EventFactory(title="Rencontre sentinelle-7f3a9c", start_at=start, end_at=end)
    html = client.get(event.get_absolute_url()).content.decode()
    assert "mardi 1er janvier 2030" in html and "mercredi 2 janvier 2030 à 17:00" in html
    assert "1 janvier" not in html
    with override("fr"):
        assert event_card(event).meta.startswith("mardi 1er janvier 2030, 10:00")


def test_the_same_instant_reads_in_each_time_zone_and_fold():
    """The texts are kept per value: an aware datetime is the same key in every zone (and
    both sides of the autumn hour), so the zone and the fold are part of the key."""
    paris, martinique = ZoneInfo("Europe/Paris"), ZoneInfo("America/Martinique")
    instant = datetime(2026, 12, 1, 13, 0, tzinfo=ZoneInfo("UTC"))
    source = '{{ d|date:"j F H:i O" }}'
    with timezone.override(paris):
        assert _render(source, instant) == "1er décembre 14:00 +0100"
    with timezone.override(martinique):
        assert _render(source, instant) == "1er décembre 09:00 -0400"
    # Apart from "1er", the text is Django's own, the autumn's repeated hour included.
    django = Engine().from_string('{{ d|date:"j F Y H:i O e U" }}')
    first = datetime(2026, 10, 25, 2, 30, tzinfo=paris)
    later = instant + timedelta(days=1)
    for value in (first, first.replace(fold=1), later, first.replace(tzinfo=None)):
        with override("fr"):
            expected = django.render(Context({"d": value}))
        assert _render('{{ d|date:"j F Y H:i O e U" }}', value) == expected
