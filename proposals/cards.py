"""The cards of a space's list of proposals, rendered once for every reader.

A card shows its proposal's row (title, state, dates, vote and comment counts), its
authors, thématiques and territory, and a vote block that depends on the reader only
through what the button offers (support, withdraw one's support, a note and why). The
card's HTML is therefore kept under the values it shows from the row and that choice
(`_key`), and notes the tables it reads while rendered (authors and their names,
thématiques, regions): a vote or a comment changes the key of the card it touches only,
instead of every card of the site. Rendered without the request, a card leaves in
*slots* what differs between readers of the same card, filled by `personalize` for each
response: the CSRF field of the vote form and the path of the page that the form and
the login link return to.

A slot is a marker of `maillage.slots` (a secret derived from SECRET_KEY in an HTML
comment): every value a member writes is escaped, so nobody can write one, and none is
ever sent."""

import functools

from django.db.models import prefetch_related_objects
from django.template.defaultfilters import urlencode
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from maillage import table_versions
from maillage.slots import Slots, csrf_field
from proposals.models.proposals import accepted_coauthors

# Kept until a table it read is written; this only bounds the room an unread card takes.
CARD_SECONDS = 3600
SLOTS = ("csrf", "next", "next_quoted")
MARKERS = Slots("proposals.cards")


def slots():
    return {kind: MARKERS.marker(kind) for kind in SLOTS}


def _key(proposal, status, htmx):
    row = (
        proposal.pk,
        proposal.title,
        proposal.state,
        proposal.published_at.isoformat() if proposal.published_at else None,
        proposal.withdrawn_at.isoformat() if proposal.withdrawn_at else None,
        proposal.merged_into_id,
        proposal.vote_count,
        proposal.comment_count,
        proposal.region_id,
        proposal.departement_id,
    )
    choice = (status.can_vote, status.has_voted, status.reason, status.counts_hidden)
    return table_versions.key(
        "proposal-card",
        row,
        choice,
        status.retained,
        htmx,
        get_language(),
        timezone.get_current_timezone_name(),
        MARKERS.version(),
    )


def _render(proposal, htmx):
    return render_to_string(
        "proposals/includes/proposal_card.html",
        {
            "proposal": proposal,
            "slots": slots(),
            # What the vote block reads of the request: whether htmx asks (a key part).
            "request": {"htmx": htmx},
        },
    )


def cards_html(proposals, request):
    """The HTML of each card of `proposals` (rows of `proposals.listing.card_rows`, each with its
    `vote_status`), personalized for the reader of `request`. Cards not in the cache
    are rendered together: their authors, thématiques and territories in four queries."""
    htmx = bool(getattr(request, "htmx", False))
    keys = [_key(proposal, proposal.vote_status, htmx) for proposal in proposals]
    found = {}
    for key in keys:
        entry = table_versions.current_entry(key)
        if entry is not None:
            table_versions.note(entry["tables"])
            found[key] = entry["value"]
    missing = [(key, p) for key, p in zip(keys, proposals, strict=True) if key not in found]
    if missing:
        with table_versions.recording() as tables:
            rows = [proposal for _key, proposal in missing]
            prefetch_related_objects(
                rows, "region", "departement", "thematiques", accepted_coauthors()
            )
            rendered = [_render(proposal, htmx) for proposal in rows]
        for (key, _proposal), html in zip(missing, rendered, strict=True):
            table_versions.store_entry(key, {"value": html, "tables": tables}, CARD_SECONDS)
            found[key] = html
    fills = Fills(request)
    return [personalize(found[key], request, fills) for key in keys]


class Fills:
    """What the slots of `request`'s cards are filled with, computed once per response
    and only if a card has the slot (no CSRF token is asked for a card without a form:
    asking one would set the cookie of an anonymous visitor)."""

    def __init__(self, request):
        self._request = request

    @functools.cached_property
    def csrf(self):
        return csrf_field(self._request)

    @functools.cached_property
    def path(self):
        return self._request.get_full_path()

    @functools.cached_property
    def next(self):
        return escape(self.path)

    @functools.cached_property
    def next_quoted(self):
        return escape(urlencode(self.path))


def personalize(html, request, fills=None):
    """`html` with its slots filled for the reader of `request`."""
    fills = fills or Fills(request)
    csrf = MARKERS.marker("csrf")
    if csrf in html:
        html = html.replace(csrf, fills.csrf)
    next_quoted = MARKERS.marker("next_quoted")
    if next_quoted in html:
        html = html.replace(next_quoted, fills.next_quoted)
    next_marker = MARKERS.marker("next")
    if next_marker in html:
        html = html.replace(next_marker, fills.next)
    return mark_safe(html)
