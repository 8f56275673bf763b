"""The comment section of any object, built in a constant number of queries."""

from participation.forms import CommentForm
from participation.models import Comment, CommentReaction, Stance
from participation.roles import is_moderator
from participation.services.comments import asks_stance, can_comment
from participation.services.follows import is_following
from participation.utils import content_type_for, space_of


def build_thread(target, user):
    """Nested nodes {comment, children, can_edit, can_delete, my_reaction} and the counts."""
    comments = list(Comment.objects.for_object(target).for_thread())
    mine = {}
    if user.is_authenticated:
        mine = dict(
            CommentReaction.objects.filter(
                user=user, comment__in=[c.pk for c in comments]
            ).values_list("comment", "kind")
        )
    nodes, roots = {}, []
    stances = dict.fromkeys(Stance.values, 0)
    shown = 0
    for comment in comments:
        visible = not comment.is_deleted and not comment.is_hidden
        if visible:
            shown += 1
            if comment.stance:
                stances[comment.stance] += 1
        node = {
            "comment": comment,
            "children": [],
            "can_edit": visible and comment.can_edit(user),
            "can_delete": comment.can_delete(user),
            "my_reaction": mine.get(comment.pk, ""),
        }
        nodes[comment.pk] = node
        parent = nodes.get(comment.parent_id)
        if parent is None or comment.parent_id == comment.pk:
            roots.append(node)
        else:
            parent["children"].append(node)
    stance_counts = [
        {"value": value, "label": label, "count": stances[value]} for value, label in Stance.choices
    ]
    return roots, shown, stance_counts


def section_context(request, target, form=None):
    user = request.user
    with_stance = asks_stance(target)
    thread, count, stance_counts = build_thread(target, user)
    allowed = can_comment(user, target)
    content_type = content_type_for(target)
    return {
        "request": request,
        "target": target,
        "content_type": content_type,
        "comment_content_type": content_type_for(Comment),
        "section_id": f"commentaires-{content_type.pk}-{target.pk}",
        "thread": thread,
        "count": count,
        "with_stance": with_stance,
        "stance_counts": stance_counts if with_stance else [],
        "can_comment": allowed,
        "form": form or (CommentForm(with_stance=with_stance) if allowed else None),
        "reply_form": CommentForm() if allowed else None,
        "closed_reason": _closed_reason(user, target) if not allowed else "",
        "is_moderator": is_moderator(user),
        "is_following": is_following(user, target),
    }


def _closed_reason(user, target):
    if not user.is_authenticated:
        return "login"
    space = space_of(target)
    if space is not None and not space.opens("comment"):
        return "phase"
    return "forbidden"
