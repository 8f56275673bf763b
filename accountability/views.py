"""The follow-up pages: the space page's "Suivi" section, a space's results with filters, a
result's page, its attachments, and the panel on a proposal's page. Every page reads the
space's progress from `ProgressTree` (two queries whatever the number of results).

What every reader of a page sees alike is an exact fragment (`{% exactcache %}`) whose
data is read lazily, inside it: on a hit the page asks the database only what decides
the reader's rights (the space, the result), not the tree, the cards or the timeline."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.functional import SimpleLazyObject

from accountability.filters import ResultFilterSet
from accountability.models import ProgressEntry, Result
from accountability.progress import ProgressTree
from accountability.rules import MODULE, can_manage, can_view
from content.listing import ReadOnce, lazy_paginate
from debates.models import Debate
from events.models import Event
from maillage.private_files import serve
from participation.comments.api import section_context
from participation.spaces.api import SpacePage
from proposals.models import Proposal

SECTION_SIZE = 6
PAGE_SIZE = 20


def visible_space(request, space_id):
    space = get_object_or_404(SpacePage.objects.live().specific(), pk=space_id)
    if not can_view(request.user, space):
        raise Http404
    return space


def visible_result(request, pk):
    # The space decides; what the page shows is read by `_detail`, in its fragments
    # (each join here costs planning time on every visit).
    result = get_object_or_404(Result.objects.select_related("space"), pk=pk)
    if not result.space.live or not can_view(request.user, result.space.specific):
        raise Http404
    return result


def _filtered(request, space):
    filterset = ResultFilterSet(
        request.GET or None, queryset=Result.objects.of_space(space).for_cards(), space=space
    )
    results = filterset.qs if filterset.is_filtering else filterset.queryset.top_level()
    return filterset, results.order_by("parent_id", "pk")


def _summary(request, space, tree):
    return {
        "space": space,
        "overall": tree.overall(),
        "by_thematique": tree.by_thematique(),
        "result_count": len(tree.nodes),
        "can_manage": can_manage(request.user, space),
        "list_url": reverse("accountability:list", args=[space.pk]),
    }


def space_section_context(space, request):
    """The space page's "Suivi" section: overall progress, progress by thématique, the
    filters (a GET form to the full list) and the first top-level results, read (`data`)
    only when the space page's fragment of the section is rendered."""
    managing = can_manage(request.user, space)
    if not managing and not Result.objects.of_space(space).exists():
        return None

    def read():
        tree = ProgressTree.for_space(space)
        filterset, results = _filtered(request, space)
        return {
            **_summary(request, space, tree),
            "filter_form": filterset.form,
            "results": tree.annotate(list(results[:SECTION_SIZE])),
        }

    filters = sorted((name, request.GET.getlist(name)) for name in ResultFilterSet.base_filters)
    return {
        "space": space,
        "data": SimpleLazyObject(read),
        # What the section shows that differs between members who see the same spaces
        # (the space page caches the section under it): the manager's links, and the
        # filters of the request, if any (the form is bound then).
        "shared": f"can_manage={managing} bound={bool(request.GET)} filters={filters}",
    }


def result_list(request, space_id):
    space = visible_space(request, space_id)
    managing = can_manage(request.user, space)
    filterset, results = _filtered(request, space)
    # Read inside the page's fragment only (see the template): on a hit, no query.
    tree = SimpleLazyObject(lambda: ProgressTree.for_space(space))
    page_obj, query_string, results_key = lazy_paginate(
        request, results, PAGE_SIZE, then=lambda page: tree.annotate(page.object_list)
    )
    return render(
        request,
        "accountability/result_list.html",
        {
            "space": space,
            "can_manage": managing,
            "summary": SimpleLazyObject(lambda: _summary(request, space, tree)),
            "filter_form": filterset.form,
            "page_obj": page_obj,
            "query_string": query_string,
            "results_key": results_key,
        },
    )


def _detail(result):
    """Everything a result's page shows alike to all its readers, read afresh (the
    result itself too: its fragment must note every table it shows)."""
    result = Result.objects.select_related(
        "space", "status", "structure", "region", "departement", "parent"
    ).get(pk=result.pk)
    tree = ProgressTree.for_space(result.space_id)
    tree.annotate([result])
    return {
        "result": result,
        "ancestors": tree.ancestors(result.pk),
        "children": tree.annotate(list(result.children.for_cards().order_by("pk"))),
        "entries": list(result.entries.select_related("status", "document", "author")),
        "thematiques": list(result.thematiques.all()),
        "proposals": list(Proposal.objects.listed().filter(accountability_results=result)),
        "debates": list(Debate.objects.visible().filter(pk__in=result.debates.values("pk"))),
        "events": list(
            Event.objects.filter(pk__in=result.events.values("pk")).order_by("start_at")
        ),
        "resources": list(result.resources.all()),
    }


def result_detail(request, pk):
    result = visible_result(request, pk)
    space = result.space.specific
    comments = section_context(request, result)
    return render(
        request,
        "accountability/result_detail.html",
        {
            "result": result,
            "space": space,
            # Read inside the page's fragments only (see the template): on a hit, no query.
            "detail": ReadOnce(lambda: _detail(result)),
            "comments_html": render_to_string(
                "participation/comments/section.html", comments, request
            ),
            "can_manage": can_manage(request.user, space),
        },
    )


def entry_attachment(request, pk):
    """A timeline entry's document, for the readers of its space only."""
    entry = get_object_or_404(ProgressEntry.objects.select_related("result__space"), pk=pk)
    visible_result(request, entry.result_id)
    if not entry.attachment:
        raise Http404
    return serve(entry.attachment, entry.attachment_name or "document")


def proposal_panel_context(proposal, request):
    """The follow-up on a proposal's page (participation.registry.register_object_panel):
    the results answering it, with their progress; nothing when there is none."""
    space = proposal.space
    if not space.uses(MODULE):
        return None
    results = list(proposal.accountability_results.select_related("status"))
    if not results:
        return None
    tree = ProgressTree.for_space(space)
    return {"results": tree.annotate(results)}
