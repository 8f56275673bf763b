"""The comment section of any object, built in a constant number of queries, a page of
threads at a time: a discussion of hundreds of comments would otherwise be a page of
megabytes that takes seconds to render.

Long threads stay short to read and to cross with the keyboard: each comment shows its
first `REPLIES_SHOWN` replies (the rest behind one link), its actions sit in one
disclosure menu, and replying opens a form on demand instead of one form per comment."""

from django.contrib.postgres.aggregates import ArrayAgg
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import get_language

from maillage import table_versions
from participation.comments.forms import CommentForm
from participation.comments.models import (
    PAGE_PARAM,
    REPLIES_SHOWN,
    THREAD_VERSIONS,
    THREADS_PER_PAGE,
    UNFOLD_PARAM,
    Comment,
    CommentReaction,
    Stance,
    thread_key,
)
from participation.comments.personal import comment_slots, personalize, slot_version, slots
from participation.comments.services import asks_stance, can_comment
from participation.roles import is_moderator
from participation.spaces.refusals import closed_action
from participation.spaces.visibility import space_of
from participation.utils import content_type_for

# A shared page of threads is kept until a table it read is written; this only bounds
# how long an unvisited one takes room in the cache.
THREAD_SECONDS = 3600
# A number no URL of the thread holds otherwise: reversed once, then replaced by each id.
URL_SENTINEL = 918273645


def thread_page(target, number, roots=None):
    """The page of threads (root comments, oldest first) to show; its items are thread ids.
    `roots`, every thread id of `target` in order if already read (`discussion`)."""
    if roots is None:
        roots = Comment.objects.for_object(target).filter(level=0).order_by("thread_id")
        roots = roots.values_list("thread_id", flat=True)
    return Paginator(roots, THREADS_PER_PAGE).get_page(number)


def discussion(target):
    """In one query (a long discussion's three took twice as long): every thread id of
    `target` in order (deleted and hidden roots keep their thread), the comments shown
    (neither deleted nor hidden) and the positions taken."""
    shown = Q(is_hidden=False, deleted_at__isnull=True)
    counts = (
        Comment.objects.for_object(target)
        .order_by()
        .aggregate(
            roots=ArrayAgg("thread_id", filter=Q(level=0), order_by="thread_id"),
            shown=Count("pk", filter=shown),
            **{value: Count("pk", filter=shown & Q(stance=value)) for value in Stance.values},
        )
    )
    stance_counts = [
        {"value": value, "label": str(label), "count": counts[value]}
        for value, label in Stance.choices
    ]
    return counts["roots"] or [], counts["shown"], stance_counts


def comment_counts(target):
    """Comments shown (neither deleted nor hidden) and positions taken, on every page."""
    _roots, shown, stance_counts = discussion(target)
    return shown, stance_counts


def _thread_comments(target, thread_ids):
    comments = Comment.objects.for_object(target)
    if thread_ids is not None:
        comments = comments.filter(thread_id__in=list(thread_ids))
    return list(comments.for_thread())


def _tree(comments, node_for):
    """Nested nodes {comment, children, folded, ...node_for(comment)}."""
    nodes, roots = {}, []
    for comment in comments:
        node = {"comment": comment, "children": [], "folded": [], **node_for(comment)}
        nodes[comment.pk] = node
        parent = nodes.get(comment.parent_id)
        if parent is None or comment.parent_id == comment.pk:
            roots.append(node)
        else:
            parent["children"].append(node)
    return roots


def build_thread(target, user, thread_ids=None):
    """Nested nodes {comment, children, folded, can_edit, can_delete, my_reaction} of the
    threads `thread_ids` (all when None), and the counts of the whole discussion. Nothing
    is folded yet (`fold` does it): `folded` lists the replies a fold hides. The page
    itself shows shared nodes (`shared_thread`), whose personal parts are slots."""
    comments = _thread_comments(target, thread_ids)
    mine = {}
    if user.is_authenticated:
        mine = dict(
            CommentReaction.objects.filter(
                user=user, comment__in=[c.pk for c in comments]
            ).values_list("comment", "kind")
        )

    def personal(comment):
        visible = not comment.is_deleted and not comment.is_hidden
        return {
            "can_edit": visible and comment.can_edit(user),
            "can_delete": comment.can_delete(user),
            "my_reaction": mine.get(comment.pk, ""),
        }

    shown, stance_counts = comment_counts(target)
    return _tree(comments, personal), shown, stance_counts


def fold(nodes, unfolded=()):
    """Keep the first `REPLIES_SHOWN` replies of each comment, the others in `folded`,
    except in the threads whose ids are in `unfolded` (shown whole)."""
    for node in nodes:
        if node["comment"].thread_id not in unfolded:
            node["children"], node["folded"] = (
                node["children"][:REPLIES_SHOWN],
                node["children"][REPLIES_SHOWN:],
            )
        fold(node["children"], unfolded)
    return nodes


def unfolded_thread(request):
    """The thread id the URL asks to show whole (`?fil=`), if it is a number."""
    value = request.GET.get(UNFOLD_PARAM, "")
    return {int(value)} if value.isdigit() and len(value) < 10 else set()


def thread_context(request, target):
    """What rendering any comment of `target`'s thread needs (menu, reply link, rights)."""
    user = request.user
    allowed = can_comment(user, target)
    content_type = content_type_for(target)
    return {
        "request": request,
        "target": target,
        "content_type": content_type,
        "comment_content_type": content_type_for(Comment),
        "section_id": f"commentaires-{content_type.pk}-{target.pk}",
        "post_url": reverse("participation:comment_post", args=[content_type.pk, target.pk]),
        "can_comment": allowed,
        "is_moderator": is_moderator(user),
    }


def shared_context(context):
    """The part of `thread_context` the shared HTML may use: no request, no user; what
    differs between readers with the same rights is left in slots."""
    return {
        "target": context["target"],
        "content_type": context["content_type"],
        "comment_content_type": context["comment_content_type"],
        "section_id": context["section_id"],
        "can_comment": context["can_comment"],
        "is_moderator": context["is_moderator"],
        "authenticated": context["request"].user.is_authenticated,
        "slots": slots(),
    }


def comment_links():
    """What builds the links of each comment from its id: one `reverse` per link for the
    whole thread (reversing them for each comment took a fifth of its rendering)."""
    report = content_type_for(Comment).pk

    def builder(name, *args):
        prefix, suffix = reverse(name, args=[*args, URL_SENTINEL]).split(str(URL_SENTINEL))
        return lambda pk: f"{prefix}{pk}{suffix}"

    builders = {
        "reply": builder("participation:comment_reply"),
        "react": builder("participation:comment_react"),
        "edit": builder("participation:comment_edit"),
        "delete": builder("participation:comment_delete"),
        "replies": builder("participation:comment_replies"),
        "report": builder("participation:report", report),
    }
    return lambda comment: {key: build(comment.pk) for key, build in builders.items()}


def comment_node(comment, links=None):
    """What the templates of one comment read besides the comment: its slots and links,
    and `shown`, everything its article shows that the thread's context does not hold
    (the key of its cached HTML in comment.html)."""
    node = {**comment_slots(comment), "urls": (links or comment_links())(comment), "focus": False}
    # As text, written once: the key of its fragment (as `{% exactcache %}` writes each
    # part) and a piece of its page's (`page_shown`).
    node["shown"] = repr(
        (
            comment.pk,
            comment.level,
            comment.deleted_at,
            comment.is_hidden,
            comment.user.display_name if comment.user_id else None,
            comment.user_name,
            comment.submit_date,
            comment.edited_at,
            comment.stance,
            getattr(comment, "useful_count", None),
            getattr(comment, "disagree_count", None),
            comment.comment,
            node["own"],  # the author, the edit deadline and the slots' secret
            node["urls"],
        )
    )
    return node


def focus(nodes, pk):
    """Mark the comment `pk` (just posted, or the first reply unfolded) as the one that
    takes the focus after an htmx swap: its article only is keyed by it (comment.html),
    so that the others are served from their fragments."""
    node = _find(nodes, pk) if pk else None
    if node is not None:
        node["focus"] = True
    return nodes


def page_shown(nodes):
    """Everything a page of threads shows of its comments (each one's `shown`, its
    thread, its replies shown and the ids of those folded), as a key part."""
    return [
        [
            node["shown"],
            node["comment"].thread_id,
            page_shown(node["children"]),
            [folded["comment"].pk for folded in node["folded"]],
        ]
        for node in nodes
    ]


def shared_nodes(comments):
    links = comment_links()
    return _tree(comments, lambda comment: comment_node(comment, links))


def shared_thread(context, page, unfolded, query_string, posted=None):
    """One page of `context["target"]`'s threads as every reader with the same rights
    sees it (signed in or not, may comment or not, moderator or not): its HTML with
    slots, the counts of the whole discussion, and whether there is any comment. Cached
    until something it shows changes: a comment of this object, or a reaction to one,
    written in any way (per-object versions, `THREAD_VERSIONS`), or another table it
    read (a member's name). A page that includes it expires with it."""
    shared = shared_context(context)
    target = context["target"]
    key = table_versions.key(
        "comment-thread",
        shared["content_type"].pk,
        target.pk,
        str(page or ""),
        sorted(unfolded),
        query_string,
        posted,
        shared["authenticated"],
        shared["can_comment"],
        shared["is_moderator"],
        get_language(),
        # Slots hold these: a new secret key or edit window must not meet older HTML.
        slot_version(),
    )

    def render():
        # Every read of comments and reactions below is of this object's.
        versioned = thread_key(shared["content_type"].pk, target.pk)
        with table_versions.scoped(THREAD_VERSIONS, versioned):
            roots, count, stance_counts = discussion(target)
            page_obj = thread_page(target, page, roots)
            thread = shared_nodes(_thread_comments(target, page_obj.object_list))
            thread = focus(fold(thread, unfolded), posted)
            # The list itself is kept under what it shows: a comment on another page
            # (or the count) expires the page of threads, not its list, rendered again
            # only when one of its comments changed.
            html = table_versions.cached(
                table_versions.key(
                    "comment-page",
                    key,
                    page_obj.number,
                    page_obj.paginator.num_pages,
                    page_shown(thread),
                ),
                lambda: render_to_string(
                    "participation/comments/thread.html",
                    {
                        **shared,
                        "thread": thread,
                        "page_obj": page_obj,
                        "page_param": PAGE_PARAM,
                        "unfold_param": UNFOLD_PARAM,
                        "query_string": query_string,
                        "posted": posted,
                    },
                ),
                THREAD_SECONDS,
            )
        return {
            "html": html,
            "has_thread": bool(thread),
            "count": count,
            "stance_counts": stance_counts,
        }

    return table_versions.cached(key, render, THREAD_SECONDS)


def section_context(request, target, form=None, page=None, unfolded=None, posted=None, closed=""):
    """What the section template shows; `page` of threads, else the one the URL asks;
    the threads `unfolded` (else the one the URL asks) show all their replies; `posted`,
    the comment just published (focused and announced); `closed`, a reason the caller
    closes comments for (a debate that is not open), whatever the phase."""
    user = request.user
    with_stance = asks_stance(target)
    params = request.GET.copy()
    params.pop(PAGE_PARAM, None)
    params.pop(UNFOLD_PARAM, None)
    context = thread_context(request, target)
    if closed:
        context["can_comment"] = False
    allowed = context["can_comment"]
    shared = shared_thread(
        context,
        page or request.GET.get(PAGE_PARAM),
        unfolded_thread(request) if unfolded is None else unfolded,
        params.urlencode(),
        posted,
    )
    reason = closed or (closed_reason(user, target) if not allowed else "")
    return {
        **context,
        "thread_html": personalize(shared["html"], request),
        "has_thread": shared["has_thread"],
        "page_param": PAGE_PARAM,
        "unfold_param": UNFOLD_PARAM,
        "count": shared["count"],
        "with_stance": with_stance,
        "stance_counts": shared["stance_counts"] if with_stance else [],
        "form": form or (CommentForm(with_stance=with_stance) if allowed else None),
        "closed_reason": reason,
        # The phase that opens comments and when: the explanation every refusal shows.
        "closed": closed_action(space_of(target), "comment") if reason == "phase" else None,
        "posted": posted,
    }


def replies_html(request, comment):
    """Every reply under `comment` (its folded ones included), for the fragment that
    "Afficher les N autres réponses" loads with htmx; None if it is not in its thread."""
    target = comment.content_object
    context = thread_context(request, target)
    thread = shared_nodes(_thread_comments(target, [comment.thread_id]))
    node = _find(thread, comment.pk)  # built whole: nothing folded
    if node is None:
        return None
    hidden = node["children"][REPLIES_SHOWN:]
    if hidden:
        hidden[0]["focus"] = True
    html = render_to_string(
        "participation/comments/replies.html",
        {
            **shared_context(context),
            "node": node,
            "first_unfolded": hidden[0]["comment"].pk if hidden else None,
            "unfolded_count": len(hidden),
        },
    )
    return personalize(html, request)


def _find(nodes, pk):
    for node in nodes:
        if node["comment"].pk == pk:
            return node
        found = _find(node["children"], pk)
        if found is not None:
            return found
    return None


def closed_reason(user, target):
    """Why `user` may not comment `target`: "login", "phase" or "forbidden"."""
    if not user.is_authenticated:
        return "login"
    space = space_of(target)
    if space is not None and not space.opens("comment"):
        return "phase"
    return "forbidden"
