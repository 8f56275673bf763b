"""Mentions shown as links to the profile, without a query per text: the names of the
members mentioned somewhere (and still in the directory) are read once and cached until
a member, a profile or a mention changes (`maillage.table_versions`)."""

import html
import re

from django.urls import reverse
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

from maillage import table_versions
from mentions.parsing import MENTION, mentionable

CACHE_SECONDS = 3600
SEPARATOR = re.compile(r"([ \u00a0])")


def _names():
    named = {}
    for pk, name in (
        mentionable().filter(mentions__isnull=False).distinct().values_list("pk", "display_name")
    ):
        named.setdefault(name.lower(), set()).add(pk)
    return {name: next(iter(ids)) for name, ids in named.items() if len(ids) == 1}


def mentioned_names():
    """Lower-cased name -> member id, for the members who can be linked."""
    return table_versions.cached(table_versions.key("mentions-names"), _names, CACHE_SECONDS)


def link_mentions(value):
    """`value` escaped (unless already safe), its `@Name` of known members linked."""
    text = conditional_escape(value)
    if "@" not in text:
        return text
    known = mentioned_names()

    def link(match):
        tokens = SEPARATOR.split(match.group(1))
        for end in range(len(tokens), 0, -2):
            name = html.unescape("".join(tokens[:end]))
            member = known.get(" ".join(name.split()).lower())
            if member is not None:
                url = reverse("members:profile", args=[member])
                head, tail = "".join(tokens[:end]), "".join(tokens[end:])
                return f'<a class="mention" href="{url}">@{head}</a>{tail}'
        return match.group(0)

    return mark_safe(MENTION.sub(link, text))
