"""The public pages of the validated structures: a filterable list and one page each."""

from django.db.models import Count, Exists, OuterRef, Q
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject

from content.listing import lazy_paginate, query_string, read_page
from editorial.models import ExperienceContact, ExperiencePage
from events.models import Event
from members.models import Profile
from structures.filters import StructureFilterSet
from structures.models import Structure

PAGE_SIZE = 24
# A structure page lists its latest experiences and events, linking to the full lists.
SECTION_SIZE = 6


def structure_list(request):
    structures = (
        Structure.objects.validated()
        .select_related("region", "departement")
        .annotate(
            member_count=Count(
                "profiles",
                filter=Q(profiles__in_directory=True, profiles__user__is_active=True),
            )
        )
        .order_by("name", "pk")
    )
    filters = StructureFilterSet(request.GET or None, queryset=structures)
    page_obj, query_string, results_key = lazy_paginate(request, filters.qs, PAGE_SIZE)
    return render(
        request,
        "structures/structure_list.html",
        {
            "filter_form": filters.form,
            "page_obj": page_obj,
            "query_string": query_string,
            "results_key": results_key,
        },
    )


def structure_detail(request, slug):
    structure = get_object_or_404(
        Structure.objects.validated().select_related("region", "departement"), slug=slug
    )
    # Its members, experiences and events are built and read only on a miss of the page's
    # fragment (keyed by the structure, the query string and the viewer's spaces): a page
    # served from it compiles no SQL and asks nothing more than the structure.
    return render(
        request,
        "structures/structure_detail.html",
        {
            "structure": structure,
            "page_obj": SimpleLazyObject(
                lambda: read_page(request, _members(structure), PAGE_SIZE)
            ),
            "query_string": query_string(request),
            "experiences": SimpleLazyObject(lambda: list(_experiences(structure))),
            "events": SimpleLazyObject(lambda: list(_events(structure, request.user))),
        },
    )


def _in_directory(structure):
    """Only members who chose to be in the directory are named, here and through their
    experiences and events."""
    return Profile.objects.in_directory().filter(structure=structure)


def _members(structure):
    return _in_directory(structure).for_listing().order_by("user__display_name", "pk")


def _member_users(structure):
    return _in_directory(structure).values("user_id")


def _experiences(structure):
    member_users = _member_users(structure)
    return (
        ExperiencePage.objects.live()
        .public()
        .filter(
            Q(owner__in=member_users)
            | Exists(ExperienceContact.objects.filter(page=OuterRef("pk"), member__in=member_users))
        )
        .select_related("region", "departement")
        .order_by("-first_published_at")[:SECTION_SIZE]
    )


def _events(structure, user):
    return (
        Event.objects.visible_to(user)
        .filter(organiser__in=_member_users(structure), end_at__gte=timezone.now())
        .select_related("departement")
        .order_by("start_at", "pk")[:SECTION_SIZE]
    )
