from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST
from wagtail.models import Page

from maillage.redirects import safe_next
from participation import card_notices, registry
from participation.notifications import follows as follow_services
from participation.notifications import grouping
from participation.notifications.forms import NotificationSettingsForm
from participation.notifications.models import Notification, NotificationSettings
from participation.spaces.visibility import target_or_404
from participation.utils import object_url

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
    content_type = ContentType.objects.get_for_model(target)
    anchor = follow_services.follow_anchor(target)
    if request.htmx:
        return render(
            request,
            "participation/includes/follow_button.html",
            {
                "target": target,
                "content_type": content_type,
                "anchor": anchor,
                "is_following": action == "follow",
                "request": request,
            },
        )
    if action == "follow":
        notice = _("Vous suivez « %(name)s ».") % {"name": target}
    else:
        notice = _("Vous ne suivez plus « %(name)s ».") % {"name": target}
    # Back to the button (its anchor), with the confirmation beside it on the object's page.
    page = object_url(target)
    back = safe_next(request, page or reverse("participation:follows")).split("#")[0]
    card_notices.send(request, back, page, anchor, notice)
    return redirect(f"{back}#{anchor}")


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


VIEWS = {"": _lazy("Toutes"), "depuis": _lazy("Depuis votre dernière visite")}
GROUPS_PER_PAGE = 20


@login_required
def notifications(request):
    """The member's notifications in groups (see `grouping`), all of them or only what
    arrived since their previous visit."""
    view = request.GET.get("vue", "")
    if view not in VIEWS:
        view = ""
    previous_visit = grouping.record_visit(request.user)
    rows = Notification.objects.filter(recipient=request.user)
    if view and previous_visit is not None:
        rows = rows.filter(created_at__gt=previous_visit)
    page_obj = Paginator(grouping.grouped(rows), GROUPS_PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "participation/notifications.html",
        {
            "page_obj": page_obj,
            "groups": grouping.describe(page_obj.object_list),
            "view": view,
            "views": VIEWS,
            "previous_visit": previous_visit,
            "visit_rule": grouping.VISIT_RULE,
            "query_string": f"vue={view}" if view else "",
        },
    )


@login_required
def notification_open(request, pk):
    """A group's link opens its first unread notification and marks the group read: the
    member lands on the first new item and reads on from there."""
    notification = get_object_or_404(
        Notification.objects.select_related("activity"), pk=pk, recipient=request.user
    )
    grouping.mark_group_read(notification)
    return redirect(notification.activity.url)


@require_POST
@login_required
def notification_group_read(request, pk):
    """ "Marquer ce groupe comme lu": another member's notification is a 404, nothing
    written. htmx swaps the group in place (focus on its link, change announced)."""
    notification = get_object_or_404(
        Notification.objects.select_related("activity"), pk=pk, recipient=request.user
    )
    grouping.mark_group_read(notification)
    groups = grouping.describe(grouping.grouped(grouping.same_group(notification)))
    if request.htmx and groups:
        return render(
            request,
            "participation/includes/notification_group.html",
            {"group": groups[0], "swapped": True},
        )
    messages.success(request, _("Ce groupe de notifications est marqué comme lu."))
    return redirect(safe_next(request, reverse("participation:notifications")))


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
