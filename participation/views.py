from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from maillage.ratelimits import rate_limited, refuse_form
from maillage.redirects import redirect_next, safe_next
from participation.forms import (
    CommentEditForm,
    CommentForm,
    NotificationSettingsForm,
    ReactionForm,
    ReportForm,
)
from participation.models import Comment, Follow, Notification, NotificationSettings, SpacePage
from participation.registry import reportable_models
from participation.services import comments as comment_services
from participation.services import follows as follow_services
from participation.services import moderation
from participation.thread import comment_page, section_context
from participation.utils import is_visible_to, object_url

SPACES_PAGE_SIZE = 12
NOTIFICATIONS_PAGE_SIZE = 30


def index(request):
    spaces = (
        SpacePage.objects.visible_to(request.user)
        .prefetch_related("phases", "thematiques")
        .order_by("-first_published_at")
    )
    page_obj = Paginator(spaces, SPACES_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "participation/index.html", {"page_obj": page_obj})


def _target(request, content_type_id, object_id):
    """The object a URL names, if the visitor may see it."""
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    model = content_type.model_class()
    if model is None:
        raise Http404
    obj = get_object_or_404(model._default_manager, pk=object_id)
    if isinstance(obj, Page):
        obj = obj.specific
    if not is_visible_to(obj, request.user):
        raise Http404
    return obj


def _back(request, obj, anchor=""):
    return redirect_next(request, object_url(obj) + anchor)


def _visible_comment(request, pk):
    comment = get_object_or_404(Comment.objects.select_related("user"), pk=pk)
    if not is_visible_to(comment.content_object, request.user):
        raise Http404
    return comment


@require_POST
@login_required
def comment_post(request, content_type_id, object_id):
    target = _target(request, content_type_id, object_id)
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
                context = section_context(request, target, page=comment_page(comment))
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


@require_POST
@login_required
@rate_limited("reaction")
def comment_react(request, pk):
    comment = _visible_comment(request, pk)
    form = ReactionForm(request.POST)
    if not form.is_valid():
        raise Http404
    comment_services.react(request.user, comment, form.cleaned_data["kind"])
    if request.htmx:
        comment = Comment.objects.for_thread().get(pk=comment.pk)
        mine = comment.reactions.filter(user=request.user).values_list("kind", flat=True).first()
        return render(
            request,
            "participation/comments/reactions.html",
            {"node": {"comment": comment, "my_reaction": mine or ""}, "can_comment": True},
        )
    return redirect(comment.get_absolute_url())


@login_required
def report(request, content_type_id, object_id):
    target = _target(request, content_type_id, object_id)
    if type(target) not in reportable_models():
        raise Http404
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not refuse_form(request, "report", form):
        try:
            moderation.report(
                request.user, target, form.cleaned_data["reason"], form.cleaned_data["details"]
            )
        except moderation.AlreadyReported:
            messages.info(request, _("Vous avez déjà signalé ce contenu."))
        else:
            messages.success(
                request, _("Merci, votre signalement est transmis à l’équipe de modération.")
            )
        return _back(request, target)
    return render(
        request,
        "participation/report_form.html",
        {"form": form, "target": target, "next": safe_next(request, "")},
    )


@require_POST
@login_required
def follow_toggle(request, content_type_id, object_id):
    target = _target(request, content_type_id, object_id)
    following = follow_services.is_following(request.user, target)
    if following:
        follow_services.unfollow(request.user, target)
    else:
        follow_services.follow(request.user, target)
    if request.htmx:
        return render(
            request,
            "participation/includes/follow_button.html",
            {
                "target": target,
                "content_type": ContentType.objects.get_for_model(target),
                "is_following": not following,
                "request": request,
            },
        )
    return _back(request, target)


@login_required
def follows(request):
    rows = Follow.objects.filter(user=request.user).prefetch_related("content_object")
    page_obj = Paginator(rows, NOTIFICATIONS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "participation/follows.html", {"page_obj": page_obj})


@login_required
def notifications(request):
    rows = Notification.objects.filter(recipient=request.user).for_listing()
    page_obj = Paginator(rows, NOTIFICATIONS_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "participation/notifications.html", {"page_obj": page_obj})


@login_required
def notification_open(request, pk):
    """Following a notification's link marks it read."""
    notification = get_object_or_404(
        Notification.objects.select_related("activity"), pk=pk, recipient=request.user
    )
    if notification.read_at is None:
        Notification.objects.filter(pk=pk).update(read_at=timezone.now())
    return redirect(notification.activity.url)


@require_POST
@login_required
def notifications_mark_read(request):
    Notification.objects.filter(recipient=request.user).unread().update(read_at=timezone.now())
    messages.success(request, _("Toutes vos notifications sont marquées comme lues."))
    return redirect("participation:notifications")


@login_required
def preferences(request):
    settings_row, _created = NotificationSettings.objects.get_or_create(user=request.user)
    form = NotificationSettingsForm(request.POST or None, instance=settings_row)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Vos préférences de notification sont enregistrées."))
        return redirect(reverse("participation:preferences"))
    return render(request, "participation/preferences.html", {"form": form})
