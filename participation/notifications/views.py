from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

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
    target = target_or_404(content_type_id, object_id, request.user, registry.FOLLOW)
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
    return redirect_back(request, target)


@login_required
def follows(request):
    rows = follow_services.follows_of(request.user)
    page_obj = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "participation/follows.html", {"page_obj": page_obj})


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
