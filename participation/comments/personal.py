"""What is personal in a comment thread, filled in at response time.

The thread's HTML is shared by every reader with the same rights (`thread.shared_thread`)
and rendered without the request, so that nothing personal can slip into it. What differs
from one member to the next is left as a *slot*, a marker that `personalize` replaces for
the reader of each response:
- `csrf`: the CSRF field of the reaction forms, with the reader's token;
- `useful:<comment>`, `disagree:<comment>`: "true" or "false", the reader's reaction;
- `own:<comment>:<author>:<edit deadline>:<hidden>`, a region holding the three links
  "Modifier", "Supprimer" and "Signaler" (rendered with the thread, so that no URL is
  reversed per response): the reader's own comment keeps the first (while the edit window
  is open) and the second, the others keep "Signaler", whose `next` slot is the path of
  the page.

A marker (`maillage.slots`) holds a secret derived from SECRET_KEY and starts with "<":
comment text, names and every other value a member writes are escaped, so nobody can
write one, and none is ever sent since every marker is replaced. One query at most per response: the reader's
reactions to the comments shown, kept in the exact cache under the reader and these
comments until a reaction is written (anyone's; posting a comment writes none, so a
page that a comment elsewhere renews asks nothing)."""

import functools
import re
from urllib.parse import quote

from django.conf import settings
from django.utils import timezone
from django.utils.safestring import mark_safe

from maillage import table_versions
from maillage.slots import Slots, csrf_field
from participation.comments.models import CommentReaction, ReactionKind

MARKERS = Slots("participation.comments.personal")
# The reaction slots' kinds: `ReactionKind.values` builds a new list at each call, and a
# page of fifty comments has a hundred and fifty slots to fill.
REACTION_KINDS = frozenset(ReactionKind.values)
# A reader's reactions are kept until a reaction is written; this bounds an unused entry.
REACTIONS_SECONDS = 600


@functools.cache
def _pattern(secret):
    """A region `own:...` up to its `end` (its choices apart), or a single slot."""
    return re.compile(
        rf"<!--{secret}:own:([0-9:]*)-->(.*?){re.escape(slot('end'))}|<!--{secret}:(\w+):([0-9]*)-->",
        re.DOTALL,
    )


def slot(kind, *args):
    """The marker of one slot, for the shared HTML; `personalize` replaces it."""
    return MARKERS.marker(kind, *args)


def comment_slots(comment):
    """The slots of one comment's menu; `own` opens the region of the reader's links
    ("Modifier", "Supprimer" and "Signaler", separated by `slots.or`, up to `slots.end`)."""
    deadline = int(comment.editable_until().timestamp())
    return {
        "pressed_useful": slot(ReactionKind.USEFUL, comment.pk),
        "pressed_disagree": slot(ReactionKind.DISAGREE, comment.pk),
        "own": slot("own", comment.pk, comment.user_id, deadline, int(comment.is_hidden)),
    }


def slots():
    """The slots every thread uses: the CSRF field, the path a report comes back to, and
    the separators of an `own` region."""
    return {kind: slot(kind) for kind in ("csrf", "next", "or", "end")}


def slot_version():
    """What the slots of a shared thread depend on besides its rows, for its cache key:
    the secret (derived from SECRET_KEY) and the edit window."""
    return MARKERS.version(), settings.MAILLAGE_COMMENT_EDIT_MINUTES


def my_reactions(user, comment_ids):
    """{comment id: kind} of `user`'s reactions to these comments."""
    ids = sorted(comment_ids)
    return table_versions.cached(
        table_versions.key("my-reactions", user.pk, ids),
        lambda: dict(
            CommentReaction.objects.filter(user=user, comment_id__in=ids).values_list(
                "comment_id", "kind"
            )
        ),
        REACTIONS_SECONDS,
    )


def personalize(html, request):
    """`html` with every slot filled for the reader of `request`."""
    secret = MARKERS.secret()
    if secret not in html:
        return html
    pattern = _pattern(secret)
    user = request.user
    reacted = {
        int(args)
        for _own, _links, kind, args in pattern.findall(html)
        if kind in REACTION_KINDS and args
    }
    mine = my_reactions(user, reacted) if reacted and user.is_authenticated else {}
    now = timezone.now().timestamp()
    choice = slot("or")
    back = slot("next")
    filled = {}

    def fill(match):
        own, links, kind, args = match.groups()
        if own:
            _pk, author, deadline, hidden = (int(value) for value in own.split(":"))
            edit, delete, report = links.split(choice)
            if user.is_authenticated and user.pk == author:
                return f"{edit if not hidden and now <= deadline else ''}\n{delete}\n"
            if "next" not in filled:
                filled["next"] = quote(request.path, safe="/")
            return "\n\n" + report.replace(back, filled["next"])
        if kind == "csrf":
            if "csrf" not in filled:
                filled["csrf"] = csrf_field(request)
            return filled["csrf"]
        if kind in REACTION_KINDS:
            return "true" if mine.get(int(args)) == kind else "false"
        return ""

    return mark_safe(pattern.sub(fill, html))
