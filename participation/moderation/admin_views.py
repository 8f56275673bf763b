"""The moderation queue in Wagtail's admin: reported items with their context, the
decisions (hide, unhide, dismiss, warn, block) and the log."""

from collections import defaultdict

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Max
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.redirects import redirect_next
from participation.moderation import services as moderation
from participation.moderation.forms import ModerationForm
from participation.moderation.models import Moderatable, ModerationAction, Report
from participation.registry import moderatable_models, reportable_models
from participation.roles import is_moderator
from participation.utils import object_url

PAGE_SIZE = 20


def _require_moderator(request):
    if not is_moderator(request.user):
        raise PermissionDenied


def _describe(obj):
    """What a moderator needs to judge an item: text, author, where it is."""
    if isinstance(obj, get_user_model()):
        author, excerpt = obj, obj.profile.bio or str(obj)
    else:
        author, excerpt = obj.moderation_author, obj.moderation_excerpt()
    return {
        "object": obj,
        "content_type": ContentType.objects.get_for_model(obj),
        "kind": obj._meta.verbose_name,
        "excerpt": excerpt,
        "author": author,
        "url": object_url(obj),
        "hideable": isinstance(obj, Moderatable),
    }


def _objects_by_key(keys):
    """Fetch (content_type_id, object_id) pairs with one query per content type."""
    wanted = defaultdict(list)
    for content_type_id, object_id in keys:
        wanted[content_type_id].append(object_id)
    found = {}
    for content_type_id, ids in wanted.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        for obj in model._base_manager.filter(pk__in=ids):
            found[(content_type_id, obj.pk)] = obj
    return found


def queue(request):
    _require_moderator(request)
    view = request.GET.get("vue", "signalements")
    if view == "masques":
        items = []
        for model in moderatable_models():
            items.extend(model._base_manager.filter(is_hidden=True).order_by("-pk")[:PAGE_SIZE])
        return render(
            request,
            "participation/admin/queue.html",
            {
                "view": view,
                "items": [_describe(obj) for obj in items],
                "page_title": _("Modération"),
            },
        )
    rows = (
        Report.objects.open()
        .values("content_type", "object_id")
        .annotate(count=Count("pk"), last=Max("created_at"))
        .order_by("-last")
    )
    page_obj = Paginator(rows, PAGE_SIZE).get_page(request.GET.get("page"))
    keys = [(row["content_type"], row["object_id"]) for row in page_obj]
    objects = _objects_by_key(keys)
    reports = defaultdict(list)
    for report in (
        Report.objects.open()
        .select_related("reporter")
        .filter(content_type__in={k[0] for k in keys}, object_id__in={k[1] for k in keys})
    ):
        reports[(report.content_type_id, report.object_id)].append(report)
    items = []
    for key in keys:
        if key in objects:
            item = _describe(objects[key])
            item["reports"] = reports[key]
            items.append(item)
    return render(
        request,
        "participation/admin/queue.html",
        {"view": view, "items": items, "page_obj": page_obj, "page_title": _("Modération")},
    )


@require_POST
def item_action(request, content_type_id, object_id, action):
    _require_moderator(request)
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    model = content_type.model_class()
    if model not in reportable_models():
        raise Http404
    obj = get_object_or_404(model._base_manager, pk=object_id)
    form = ModerationForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    actions = {
        "masquer": (moderation.hide, _("Contenu masqué.")),
        "retablir": (moderation.unhide, _("Contenu rétabli, signalements classés.")),
        "classer": (moderation.dismiss_reports, _("Signalements classés.")),
    }
    if action not in actions or (action != "classer" and not isinstance(obj, Moderatable)):
        raise Http404
    function, message = actions[action]
    function(request.user, obj, reason)
    messages.success(request, message)
    return redirect_next(request, reverse("participation_moderation:queue"))


@require_POST
def member_action(request, user_id, action):
    _require_moderator(request)
    member = get_object_or_404(get_user_model(), pk=user_id)
    form = ModerationForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    actions = {
        "avertir": (moderation.warn, _("Avertissement envoyé à %(name)s.")),
        "bloquer": (moderation.block, _("%(name)s est bloqué ; ses contenus sont masqués.")),
        "debloquer": (moderation.unblock, _("%(name)s est débloqué.")),
    }
    if action not in actions or member == request.user or member.is_superuser:
        raise Http404
    function, message = actions[action]
    function(request.user, member, reason)
    messages.success(request, message % {"name": member})
    return redirect_next(request, reverse("participation_moderation:queue"))


def log(request):
    _require_moderator(request)
    actions = ModerationAction.objects.select_related("moderator", "member", "content_type")
    page_obj = Paginator(actions, 50).get_page(request.GET.get("page"))
    return render(
        request,
        "participation/admin/log.html",
        {"page_obj": page_obj, "page_title": _("Journal de modération")},
    )
