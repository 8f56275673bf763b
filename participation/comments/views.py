from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.ratelimits import rate_limited, refuse_form
from participation import registry
from participation.comments import services as comment_services
from participation.comments.forms import CommentEditForm, CommentForm, ReactionForm
from participation.comments.models import Comment
from participation.comments.personal import personalize, slots
from participation.comments.thread import (
    closed_reason,
    comment_node,
    replies_html,
    section_context,
    thread_context,
)
from participation.spaces.refusals import refusal
from participation.spaces.visibility import is_visible_to, space_of, target_or_404
from participation.utils import object_url


def _visible_comment(request, pk):
    comment = get_object_or_404(Comment.objects.select_related("user"), pk=pk)
    if not is_visible_to(comment.content_object, request.user):
        raise Http404
    return comment


@require_POST
@login_required
def comment_post(request, content_type_id, object_id):
    target = target_or_404(content_type_id, object_id, request.user, registry.COMMENT)
    space = space_of(target)
    if space is not None and not space.opens("comment"):
        # The section says why in place; a full page explains on the 403 page.
        if request.htmx:
            context = section_context(request, target)
            return render(request, "participation/comments/section.html", context)
        raise refusal(
            space,
            "comment",
            next_url=object_url(target) or "",
            next_label=_("Revenir à la discussion"),
        )
    form = CommentForm(request.POST, with_stance=comment_services.asks_stance(target))
    if form.is_valid() and not refuse_form(request, "comment", form):
        parent_pk = form.cleaned_data["parent"]
        parent = None
        if parent_pk:
            parent = get_object_or_404(Comment.objects.for_object(target), pk=parent_pk)
        try:
            comment = comment_services.post_comment(
                request.user,
                target,
                form.cleaned_data["comment"],
                parent=parent,
                stance=form.cleaned_data.get("stance", ""),
                ip_address=request.META.get("REMOTE_ADDR"),
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            if request.htmx:
                # The new comment's thread is shown whole: a reply may be beyond the folded ones.
                context = section_context(
                    request,
                    target,
                    page=comment.thread_page_number(),
                    unfolded={comment.thread_id},
                    posted=comment.pk,  # focused and announced (site convention)
                )
                return render(request, "participation/comments/section.html", context)
            messages.success(request, _("Votre commentaire est publié."))
            return redirect(comment.get_absolute_url())
    if request.htmx:
        return render(
            request,
            "participation/comments/section.html",
            section_context(request, target, form=form),
        )
    return render(request, "participation/comment_form.html", {"form": form, "target": target})


@login_required
def comment_edit(request, pk):
    comment = _visible_comment(request, pk)
    if not comment.can_edit(request.user):
        raise PermissionDenied
    form = CommentEditForm(request.POST or None, initial={"comment": comment.comment})
    if request.method == "POST" and form.is_valid():
        comment_services.edit_comment(request.user, comment, form.cleaned_data["comment"])
        messages.success(request, _("Votre commentaire est modifié."))
        return redirect(comment.get_absolute_url())
    return render(
        request,
        "participation/comment_form.html",
        {"form": form, "target": comment.content_object, "comment": comment},
    )


@login_required
def comment_delete(request, pk):
    comment = _visible_comment(request, pk)
    if not comment.can_delete(request.user):
        raise PermissionDenied
    if request.method == "POST":
        comment_services.delete_comment(request.user, comment)
        messages.success(request, _("Votre commentaire est supprimé."))
        return redirect(comment.get_absolute_url())
    return render(request, "participation/comment_delete.html", {"comment": comment})


REPLY_REFUSALS = {
    "removed": _("Ce commentaire a été supprimé ou masqué : on ne peut plus y répondre."),
    "depth": _(
        "Les discussions s’arrêtent au troisième niveau : répondez au commentaire "
        "auquel celui-ci répond."
    ),
    "phase": _("Les commentaires ne sont pas ouverts pendant cette phase de la démarche."),
    "forbidden": _("Vous ne pouvez pas commenter ici."),
}


@login_required
def comment_reply(request, pk):
    """The reply form of one comment: a page without JavaScript, a fragment under the
    comment with htmx. A refusal says why, with the way back to the discussion."""
    comment = _visible_comment(request, pk)
    target = comment.content_object
    context = {**thread_context(request, target), "comment": comment}
    refused = ""
    if comment.is_deleted or comment.is_hidden:
        refused = REPLY_REFUSALS["removed"]
    elif not comment.allow_thread():
        refused = REPLY_REFUSALS["depth"]
    elif not context["can_comment"]:
        reason = closed_reason(request.user, target)
        if reason == "phase" and not request.htmx:
            # The shared explanation: which phase is current, which one opens comments.
            raise refusal(
                space_of(target),
                "comment",
                next_url=object_url(target) or "",
                next_label=_("Revenir à la discussion"),
            )
        refused = REPLY_REFUSALS[reason]
    if request.htmx and not refused:
        return render(request, "participation/comments/reply_form.html", context)
    return render(
        request,
        "participation/comment_reply.html",
        {**context, "refusal": refused},
        status=403 if refused else 200,
    )


def comment_replies(request, pk):
    """Every reply of a comment, for "Afficher les N autres réponses" with htmx; without
    it the link goes to the thread's page with the thread unfolded."""
    comment = _visible_comment(request, pk)
    if not request.htmx:
        return redirect(comment.get_absolute_url())
    html = replies_html(request, comment)
    if html is None:
        raise Http404
    return HttpResponse(html)


@require_POST
@login_required
@rate_limited("reaction")
def comment_react(request, pk):
    comment = _visible_comment(request, pk)
    form = ReactionForm(request.POST)
    if not form.is_valid():
        raise Http404
    kind = form.cleaned_data["kind"]
    comment_services.react(request.user, comment, kind)
    if request.htmx:
        comment = Comment.objects.for_thread().get(pk=comment.pk)
        mine = comment.reactions.filter(user=request.user).exists()
        html = render_to_string(
            "participation/comments/reactions.html",
            {
                "comment": comment,
                "node": {"comment": comment, **comment_node(comment)},
                "slots": slots(),
                "oob": True,
                "focus": kind,
                "announce": _("Réaction enregistrée.") if mine else _("Réaction retirée."),
            },
        )
        return HttpResponse(personalize(html, request))
    return redirect(comment.get_absolute_url())
