from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from content.listing import query_string
from debates import listing, services
from debates.forms import CloseDebateForm, DebateFilterForm, DebateForm
from debates.models import Debate
from debates.rules import DEBATE
from maillage.ratelimits import refuse_form
from participation.comments.api import section_context
from participation.roles import is_moderator
from participation.spaces.api import cached_space, closed_action, refusal, unseen

DEBATES_PAGE_SIZE = 20
SPACE_SECTION_SIZE = 5


def _visible_debate(request, pk):
    """The debate if the user may see it (`DebateQuerySet.visible_to`, checked on the one
    row: a single narrow query, whose plan is cheaper than the subquery's; its space
    comes from the exact cache)."""
    debate = Debate.objects.filter(pk=pk).first()
    user = request.user
    if debate is None:
        raise unseen(user, None)
    debate.space = cached_space(pk=debate.space_id)
    if debate.space.is_visible_to(user) and (not debate.is_hidden or is_moderator(user)):
        return debate
    raise unseen(user, debate.space if not debate.is_hidden else None)


def _visible_space(request, space_id):
    space = cached_space(live=True, pk=space_id)
    if space is None or not space.uses("debates"):
        raise Http404
    if not space.is_visible_to(request.user):
        raise unseen(request.user, space)
    return space


def debate_list(request):
    user = request.user
    form = DebateFilterForm(request.GET or None, user=user)
    space = form.cleaned_data.get("space") if form.is_valid() else None
    # The page is built and read only on a miss of its fragment (`debates.listing`).
    page_obj = SimpleLazyObject(lambda: listing.read_page(request, user, form, DEBATES_PAGE_SIZE))
    return render(
        request,
        "debates/debate_list.html",
        {
            "form": form,
            "page_obj": page_obj,
            "query_string": query_string(request),
            "results_key": listing.results_key(
                user, form, request.GET.get("page"), DEBATES_PAGE_SIZE
            ),
            "filters_key": listing.filters_key(request),
            "space": space,
            "can_open": space is not None and services.can_open_debate(user, space),
            "closed": closed_action(space, DEBATE) if space is not None else None,
        },
    )


def debate_detail(request, pk):
    debate = _visible_debate(request, pk)
    comments = section_context(request, debate, closed="" if debate.is_open else "debate")
    return render(
        request,
        "debates/debate_detail.html",
        {
            "debate": debate,
            "summary": services.stance_summary(comments["stance_counts"]),
            "comments_html": render_to_string(
                "participation/comments/section.html", comments, request
            ),
            "can_edit": services.can_edit(request.user, debate),
            "is_moderator": is_moderator(request.user),
        },
    )


@login_required
def debate_create(request, space_id):
    space = _visible_space(request, space_id)
    if not services.can_open_debate(request.user, space):
        raise refusal(
            space,
            DEBATE,
            next_url=f"{reverse('debates:list')}?space={space.pk}",
            next_label=_("Voir les débats de la démarche"),
        )
    form = DebateForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not refuse_form(request, "debate", form):
        debate = services.open_debate(
            request.user, space, form.save(commit=False), form.cleaned_data["thematiques"]
        )
        messages.success(request, _("Le débat est ouvert."))
        return redirect(debate)
    return render(request, "debates/debate_form.html", {"form": form, "space": space})


@login_required
def debate_edit(request, pk):
    debate = _visible_debate(request, pk)
    if not services.can_edit(request.user, debate):
        raise PermissionDenied
    form = DebateForm(request.POST or None, instance=debate)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Le débat est modifié."))
        return redirect(debate)
    return render(
        request, "debates/debate_form.html", {"form": form, "space": debate.space, "debate": debate}
    )


@login_required
def debate_close(request, pk):
    debate = _visible_debate(request, pk)
    if not is_moderator(request.user):
        raise PermissionDenied
    form = CloseDebateForm(request.POST or None, instance=debate)
    if request.method == "POST" and form.is_valid():
        services.close_debate(request.user, debate, form.cleaned_data["conclusions"])
        messages.success(request, _("Les conclusions du débat sont publiées."))
        return redirect(debate)
    return render(request, "debates/debate_close.html", {"form": form, "debate": debate})


def space_section_context(space, request):
    """The space page's "Débats" section: the latest debates and how to open one."""
    user = request.user
    can_open = services.can_open_debate(user, space)
    closed = closed_action(space, DEBATE)
    return {
        # Built and read only when the section's fragment is rendered: even unread, the
        # queryset costs a millisecond to build on every visit.
        "debates": SimpleLazyObject(
            lambda: list(
                Debate.objects.visible_to(user)
                .filter(space=space)
                .for_listing()
                .order_by("-created_at", "-pk")[:SPACE_SECTION_SIZE]
            )
        ),
        "list_url": f"{reverse('debates:list')}?space={space.pk}",
        "can_open": can_open,
        "closed": closed,
        "space": space,
        # What the section shows that differs between members who see the same spaces:
        # the space page caches the section under it (`debates` is read while rendering).
        "shared": f"can_open={can_open} closed={closed is not None}",
    }
