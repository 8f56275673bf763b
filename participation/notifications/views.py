from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Page

from participation import registry
from participation.notifications import follows as follow_services
from participation.notifications.forms import NotificationSettingsForm
from participation.notifications.models import Notification, NotificationSettings
from participation.spaces.visibility import target_or_404
from participation.utils import redirect_back

PAGE_SIZE = 30


@require_POST
@login_required
def follow_toggle(request, content_type_id, object_id):
    """Follow or stop following. The form says which (`action`), so that sending it
    twice changes nothing; without it, the state flips."""
    target = target_or_404(content_type_id, object_id, request.user, registry.FOLLOW)
    action = request.POST.get("action")
    if action not in {"follow", "unfollow"}:
        action = "unfollow" if follow_services.is_following(request.user, target) else "follow"
    if action == "follow":
        follow_services.follow(request.user, target)
    else:
        follow_services.unfollow(request.user, target)
    if request.htmx:
        return render(
            request,
            "participation/includes/follow_button.html",
            {
                "target": target,
                "content_type": ContentType.objects.get_for_model(target),
                "is_following": action == "follow",
                "request": request,
            },
        )
    if action == "follow":
        messages.success(request, _("Vous suivez « %(name)s ».") % {"name": target})
    else:
        messages.success(request, _("Vous ne suivez plus « %(name)s ».") % {"name": target})
    return redirect_back(request, target)


@login_required
def follows(request):
    """Everything the member follows, grouped by kind, each with "Ne plus suivre"."""
    rows = follow_services.follows_of(request.user)
    page_obj = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    groups = {}
    for row in page_obj.object_list:
        if row.content_object is not None:
            row.link = _link(request, row.content_object)
            groups.setdefault(row.content_type, []).append(row)
    return render(
        request,
        "participation/follows.html",
        {
            "page_obj": page_obj,
            "groups": [
                (kind.pk, capfirst(kind.model_class()._meta.verbose_name_plural), items)
                for kind, items in groups.items()
            ],
        },
    )


def _link(request, obj):
    """The followed object's page, when it has one (a thématique, a territory do not)."""
    if isinstance(obj, Page):
        return obj.get_url(request)
    return obj.get_absolute_url() if hasattr(obj, "get_absolute_url") else None


@login_required
def notifications(request):
    rows = Notification.objects.filter(recipient=request.user).for_listing()
    page_obj = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
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
