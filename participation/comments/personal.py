"""What is personal in a comment thread, filled in at response time.

The thread's HTML is shared by every reader with the same rights (`thread.shared_thread`)
and rendered without the request, so that nothing personal can slip into it. What differs
from one member to the next is left as a *slot*, a marker that `personalize` replaces for
the reader of each response:
- `csrf`: the CSRF field of the reaction forms, with the reader's token;
- `useful:<comment>`, `disagree:<comment>`: "true" or "false", the reader's reaction;
- `own:<comment>:<author>:<edit deadline>:<hidden>`: on the reader's own comment, "Modifier"
  (while the edit window is open) and "Supprimer"; on the others, "Signaler".

A marker holds a secret derived from SECRET_KEY and starts with "<": comment text, names
and every other value a member writes are escaped, so nobody can write one, and none is
ever sent since every marker is replaced. One query at most per response: the reader's
reactions to the comments shown."""

import functools
import re
from urllib.parse import quote

from django.conf import settings
from django.middleware.csrf import get_token
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from participation.comments.models import Comment, CommentReaction, ReactionKind
from participation.utils import content_type_for


@functools.cache
def _secret(secret_key):
    return salted_hmac("participation.comments.personal", "slot", secret=secret_key).hexdigest()


@functools.cache
def _pattern(secret):
    return re.compile(rf"<!--{secret}:(\w+):([0-9:]*)-->")


def _marker_secret():
    return _secret(settings.SECRET_KEY)[:32]


def slot(kind, *args):
    """The marker of one slot, for the shared HTML; `personalize` replaces it."""
    return mark_safe(f"<!--{_marker_secret()}:{kind}:{':'.join(str(arg) for arg in args)}-->")


def comment_slots(comment):
    """The slots of one comment's menu."""
    deadline = int(comment.editable_until().timestamp())
    return {
        "pressed_useful": slot(ReactionKind.USEFUL, comment.pk),
        "pressed_disagree": slot(ReactionKind.DISAGREE, comment.pk),
        "own": slot("own", comment.pk, comment.user_id, deadline, int(comment.is_hidden)),
    }


def csrf_slot():
    return slot("csrf")


def personalize(html, request):
    """`html` with every slot filled for the reader of `request`."""
    secret = _marker_secret()
    if secret not in html:
        return html
    pattern = _pattern(secret)
    user = request.user
    reacted = {
        int(args)
        for kind, args in pattern.findall(html)
        if kind in ReactionKind.values and args.isdigit()
    }
    mine = {}
    if reacted and user.is_authenticated:
        mine = dict(
            CommentReaction.objects.filter(user=user, comment_id__in=reacted).values_list(
                "comment_id", "kind"
            )
        )
    filled = {}
    now = timezone.now().timestamp()

    def fill(match):
        kind, args = match.groups()
        if kind == "csrf":
            if "csrf" not in filled:
                filled["csrf"] = format_html(
                    '<input type="hidden" name="csrfmiddlewaretoken" value="{}">',
                    get_token(request),
                )
            return filled["csrf"]
        if kind in ReactionKind.values:
            return "true" if mine.get(int(args)) == kind else "false"
        if kind == "own":
            pk, author, deadline, hidden = (int(value) for value in args.split(":"))
            if user.is_authenticated and user.pk == author:
                edit = ""
                if not hidden and now <= deadline:
                    edit = _link(reverse("participation:comment_edit", args=[pk]), _("Modifier"))
                delete = _link(reverse("participation:comment_delete", args=[pk]), _("Supprimer"))
                return f"{edit}\n{delete}\n"
            if "next" not in filled:
                filled["next"] = quote(request.path, safe="/")
                filled["type"] = content_type_for(Comment).pk
            url = reverse("participation:report", args=[filled["type"], pk])
            return "\n\n" + _link(f"{url}?next={filled['next']}%23c{pk}", _("Signaler"))
        return ""

    return mark_safe(pattern.sub(fill, html))


def _link(url, label):
    return format_html('<li><a href="{}">{}</a></li>', url, label)
