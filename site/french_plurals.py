"""The site's strings are written in French and have no catalogue: an untranslated
plural then follows gettext's English rule, which writes "0 résultats". This fallback
gives every plural without a translation the French rule instead (0 and 1 take the
singular: "0 résultat", "1 commentaire", "2 commentaires"), for ngettext and
{% blocktranslate count %} alike.

The same translation object also remembers what it answered (`install`): a string missing
from the catalogues, as nearly all of the site's are, was looked for in each of the
twenty-odd catalogues Django merges by plural rule (some ten microseconds a string, some
thirty strings a page); the answer for a string never changes while the object lives
(Django builds a new one when a test changes the language settings)."""

import functools
import gettext

from django.conf import settings
from django.core.signals import setting_changed
from django.utils.translation import trans_real


class FrenchSource(gettext.NullTranslations):
    """The source strings themselves, with the French plural rule."""

    def ngettext(self, msgid1, msgid2, n):
        return msgid1 if abs(n) < 2 else msgid2


# Distinct strings kept per translation: far more than the site's own.
MEMO_SIZE = 8192


def install(**kwargs):
    """Give the default language's translation the French fallback (Django adds no
    fallback to the default language, so the slot is free), and have it remember its
    answers. Run at start-up and again when a test changes the language settings, which
    drops the cached translations."""
    translation = trans_real.translation(settings.LANGUAGE_CODE)
    if not isinstance(translation._fallback, FrenchSource):
        translation.add_fallback(FrenchSource())
    if "gettext" not in vars(translation):  # the instance's own, in front of the class's
        translation.gettext = functools.lru_cache(MEMO_SIZE)(translation.gettext)
        translation.ngettext = functools.lru_cache(MEMO_SIZE)(translation.ngettext)


def reinstall_on_change(setting, **kwargs):
    if setting in {"LANGUAGES", "LANGUAGE_CODE", "LOCALE_PATHS"}:
        install()


def connect():
    install()
    setting_changed.connect(reinstall_on_change, dispatch_uid="french_plurals")
