"""Reading mentions in a text: `@` followed by a member's name as the directory shows it
(`@Claire Martin`, case and accents as written or not for the case), the longest name
that fits. Only members listed in the directory can be mentioned: the others chose not to
be found. A name two members share mentions nobody (the text stays as typed)."""

import html
import re

from django.contrib.auth import get_user_model
from django.db.models.functions import Lower

MAX_WORDS = 4
# A word of a name: letters, digits, hyphens, apostrophes (typed or escaped by the
# HTML the filter reads).
WORD = r"(?:\w|['’-]|&#x27;)+"
# `@` at the start or after a space or an opening bracket (not in an e-mail address).
MENTION = re.compile(rf"(?<![^\s(>])@({WORD}(?:[ \u00a0]{WORD}){{0,{MAX_WORDS - 1}}})")


def candidates(text):
    """Every name the `@`s of `text` may stand for: the one to four words after each."""
    names = []
    for match in MENTION.finditer(text):
        words = html.unescape(match.group(1)).split()
        names.append([" ".join(words[:n]) for n in range(len(words), 0, -1)])
    return names


def mentionable():
    """Members who may be mentioned (active, in the directory)."""
    return get_user_model().objects.filter(is_active=True, profile__in_directory=True)


def resolve(text):
    """The members `text` mentions, in one query (none when it has no `@`)."""
    if "@" not in text:
        return []
    names = candidates(text)
    wanted = {name.lower() for options in names for name in options}
    if not wanted:
        return []
    by_name = {}
    for user in mentionable().annotate(lowered=Lower("display_name")).filter(lowered__in=wanted):
        by_name.setdefault(user.lowered, []).append(user)
    found = {}
    for options in names:
        for name in options:
            users = by_name.get(name.lower(), [])
            if users:
                if len(users) == 1:
                    found[users[0].pk] = users[0]
                break
    return list(found.values())
