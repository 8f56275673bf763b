from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from content.listing import lazy_paginate, query_string
from maillage import table_versions
from members.contributions import contribution_rows, load, page_of
from members.filters import DirectoryFilterSet
from members.forms import ProfileForm
from members.models import Profile
from participation.comments.api import AUTHOR_VERSIONS, author_key

DIRECTORY_PAGE_SIZE = 24
CONTRIBUTIONS_PAGE_SIZE = 10


@login_required
def profile_edit(request):
    """Only ever the signed-in member's own profile: no id in the URL or the form."""
    profile = request.user.profile
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Votre profil est enregistré."))
        return redirect("members:profile_edit")
    return render(request, "members/profile_form.html", {"form": form, "profile": profile})


@require_safe
def profile_detail(request, user_id):
    profiles = Profile.objects.select_related("user")
    if request.user.is_authenticated and request.user.pk == user_id:
        profile = get_object_or_404(profiles, user_id=user_id)
    else:
        profile = get_object_or_404(profiles.in_directory(), user_id=user_id)

    def contributions():
        # Of the comment tables, only the member's own comments are read here: the list
        # notes the member's version of them (AUTHOR_VERSIONS), not the tables, and a
        # comment posted by anyone else leaves it in the cache.
        with table_versions.scoped(AUTHOR_VERSIONS, author_key(profile.user_id)):
            rows = contribution_rows(profile.user, request.user)
            page_obj = page_of(rows, request.GET.get("page"), CONTRIBUTIONS_PAGE_SIZE)
            return {
                "page_obj": page_obj,
                "contributions": load(page_obj.object_list),
                "query_string": query_string(request),
            }

    # Both read while rendering their fragments: the details (territory, structure,
    # thematiques), shared by everyone, and the list, by who sees the same spaces.
    return render(
        request,
        "members/profile_detail.html",
        {
            "profile": profile,
            "details": SimpleLazyObject(lambda: Profile.objects.for_listing().get(pk=profile.pk)),
            "listing": SimpleLazyObject(contributions),
        },
    )


def directory(request):
    profiles = Profile.objects.in_directory().for_listing().order_by("user__display_name", "pk")
    filters = DirectoryFilterSet(request.GET or None, queryset=profiles)
    page_obj, query_string, results_key = lazy_paginate(request, filters.qs, DIRECTORY_PAGE_SIZE)
    return render(
        request,
        "members/directory.html",
        {
            "filter_form": filters.form,
            "page_obj": page_obj,
            "query_string": query_string,
            "results_key": results_key,
        },
    )
