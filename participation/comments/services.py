"""Posting, editing, deleting and reacting to comments."""

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext as _

from participation import registry
from participation.comments.models import Comment, CommentReaction, Stance
from participation.notifications.api import follow, is_following, notify, set_hidden
from participation.spaces.permissions import can
from participation.spaces.visibility import is_visible_to, space_of
from participation.utils import content_type_for
from search.signals import changed_without_signal

# Sent with `comment` and its new `text` once its author edited it: `update()` sends no
# `post_save`, and what reads the text (mentions) must read it again.
comment_edited = Signal()


def asks_stance(target):
    """Objects that want a position on each comment (debates) set `comments_with_stance`."""
    return getattr(target, "comments_with_stance", False)


def can_comment(user, target):
    """Only types a module declared commentable, seen by the member, in a phase that
    opens comments."""
    return (
        registry.accepts(type(target), registry.COMMENT)
        and is_visible_to(target, user)
        and can(user, "comment", space_of(target))
    )


def post_comment(user, target, text, *, parent=None, stance="", ip_address=None):
    if not can_comment(user, target):
        raise PermissionDenied
    if parent is not None and (
        parent.content_type_id != content_type_for(target).pk
        or str(parent.object_pk) != str(target.pk)
        or not parent.allow_thread()
    ):
        raise ValidationError(_("On ne peut pas répondre à ce commentaire."))
    if stance and (not asks_stance(target) or stance not in Stance.values):
        stance = ""
    with transaction.atomic():
        comment = Comment(
            content_object=target,
            site_id=settings.SITE_ID,
            user=user,
            user_name=str(user)[:50],
            user_email=user.email,
            comment=text,
            parent_id=parent.pk if parent else 0,
            stance=stance,
            ip_address=ip_address,
        )
        comment.save()
        # Asked of the exact cache first (the page's follow button just asked it): a
        # member who already follows costs no query.
        if not is_following(user, target):
            follow(user, target)
        notify(
            user,
            _("a répondu à un commentaire sur") if parent else _("a commenté"),
            comment,
            space=space_of(target),
            title=getattr(target, "title", None) or str(target),
        )
    return comment


def edit_comment(user, comment, text):
    if not comment.can_edit(user):
        raise PermissionDenied
    Comment.objects.filter(pk=comment.pk).update(comment=text, edited_at=timezone.now())
    changed_without_signal([comment])
    comment_edited.send(sender=Comment, comment=comment, text=text)


def delete_comment(user, comment):
    """The author's deletion keeps the row, so replies stay; the thread shows
    "Commentaire supprimé" and feeds drop it."""
    if not comment.can_delete(user):
        raise PermissionDenied
    Comment.objects.filter(pk=comment.pk).update(deleted_at=timezone.now())
    set_hidden(Comment, [comment.pk], True)
    changed_without_signal([comment])


def react(user, comment, kind):
    """One reaction per member and comment; choosing the same one again withdraws it."""
    if comment.is_deleted or comment.is_hidden or not can_comment(user, comment.content_object):
        raise PermissionDenied
    with transaction.atomic():
        existing = CommentReaction.objects.select_for_update().filter(comment=comment, user=user)
        reaction = existing.first()
        if reaction and reaction.kind == kind:
            reaction.delete()
        elif reaction:
            existing.update(kind=kind)
        else:
            CommentReaction.objects.create(comment=comment, user=user, kind=kind)
