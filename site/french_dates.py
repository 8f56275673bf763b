"""French dates: the first of the month is written "1er" ("1er décembre 2026",
"mardi 1er déc."), every other day as a number ("2 décembre").

Django's formats write "j F Y" for every day. This module's `date` filter replaces
Django's for every template (TEMPLATES OPTIONS "builtins" in settings, so no `{% load %}`):
on the first of the month, in French, a `j` (not escaped) followed by a month's name
(F, E, N, M or b, spaces between) becomes `j\\e\\r`, which Django prints "1er". Named
formats ("DATE_FORMAT", "SHORT_DATE_FORMAT") and `|date` without argument are resolved
first, as Django's filter does; numeric formats ("d/m/Y", "c", "Y-m-d") never change.
Python code that writes a date in French words for people (e-mails, cards) calls
`date_format` here instead of django.utils.formats'.

Fast: a page prints the same dates for every reader, and Django's formatting costs tens of
microseconds a date (a DateFormat, a regex split, a gettext per month name), so the text
of a date or datetime is kept per (value, time zone, fold, format, language) in a bounded
LRU: the same output, computed once per process; formats and time zone changed by a test
empty it. The rewritten format of the first of a month is kept per format and language."""

from datetime import date as Date
from datetime import datetime as DateTime
from functools import cache, lru_cache

from django.core.signals import setting_changed
from django.template import Library, defaultfilters
from django.utils import formats
from django.utils.translation import get_language

register = Library()

# Django's date format characters (django.utils.dateformat re_formatchars).
FORMAT_CHARS = frozenset("aAbcdDeEfFgGhHiIjlLmMnNoOPrsStTUuwWyYzZ")
MONTH_NAMES = frozenset("FENMb")
SPACES = " \u00a0\u202f"
ORDINAL = r"\e\r"  # "er", escaped: e and r are format characters


def with_first(format_string):
    """`format_string` writing "1er" where its day is followed by a month's name."""
    out = []
    for position, char in enumerate(format_string):
        out.append(char)
        if (
            char == "j"
            and (position == 0 or format_string[position - 1] != "\\")
            and format_string[position + 1 :].lstrip(SPACES)[:1] in MONTH_NAMES
        ):
            out.append(ORDINAL)
    return "".join(out)


def first_of_month_format(format=None):
    """The format to print the first of a month with, for `format` (a format string or
    a named format; None for DATE_FORMAT) in the current language."""
    return _first_of_month_format(format, get_language())


@cache
def _first_of_month_format(format, language):
    resolved = formats.get_format(format or "DATE_FORMAT", lang=language)
    if language and language.split("-")[0] == "fr":
        resolved = with_first(resolved)
    return resolved


def date_format(value, format=None):
    """django.utils.formats.date_format, with "1er" on the first of the month."""
    if value.day == 1:
        format = first_of_month_format(format)
    return formats.date_format(value, format)


@register.filter(expects_localtime=True, is_safe=False)
def date(value, arg=None):
    """Django's `date` filter, with "1er" on the first of the month."""
    kind = type(value)
    if kind is DateTime:
        return _formatted(value, value.tzinfo, value.fold, arg, get_language())
    if kind is Date:
        return _formatted(value, None, 0, arg, get_language())
    return _date(value, arg)


def _date(value, arg):
    if getattr(value, "day", None) == 1:
        arg = first_of_month_format(arg)
    return defaultfilters.date(value, arg)


@lru_cache(maxsize=8192)
def _formatted(value, tzinfo, fold, arg, language):
    """A date's text: `tzinfo` and `fold` in the key because aware datetimes compare (and
    hash) by their instant, while the text shows the local time and the offset."""
    return _date(value, arg)


# The settings a date's text depends on (besides the *_FORMAT ones).
TEXT_SETTINGS = {
    "TIME_ZONE", "USE_TZ", "LANGUAGE_CODE", "LANGUAGES", "LOCALE_PATHS", "FORMAT_MODULE_PATH"
}  # fmt: skip


def _forget_formats(setting, **kwargs):
    if setting in TEXT_SETTINGS or setting.endswith("_FORMAT"):
        # A test changed the formats, the time zone or the language: compute them again.
        _first_of_month_format.cache_clear()
        _formatted.cache_clear()


setting_changed.connect(_forget_formats, dispatch_uid="french_dates")
