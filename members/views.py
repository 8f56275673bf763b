from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from members.forms import DirectoryFilterForm, ProfileForm
from members.models import Profile

DIRECTORY_PAGE_SIZE = 24


@login_required
def profile_edit(request):
    profile = request.user.profile
    form = ProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Votre profil est enregistré."))
        return redirect("members:profile_edit")
    return render(request, "members/profile_form.html", {"form": form, "profile": profile})


def profile_detail(request, user_id):
    profiles = Profile.objects.for_listing()
    if request.user.is_authenticated and request.user.pk == user_id:
        profile = get_object_or_404(profiles, user_id=user_id)
    else:
        profile = get_object_or_404(profiles.in_directory(), user_id=user_id)
    return render(request, "members/profile_detail.html", {"profile": profile})


def directory(request):
    form = DirectoryFilterForm(request.GET or None)
    profiles = Profile.objects.in_directory().for_listing().order_by("user__display_name", "pk")
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            q = data["q"].strip()
            profiles = profiles.filter(
                Q(user__display_name__unaccent__icontains=q)
                | Q(structure_name__unaccent__icontains=q)
                | Q(job_title__unaccent__icontains=q)
            )
        if data["structure_type"]:
            profiles = profiles.filter(structure_type=data["structure_type"])
        if data["region"]:
            profiles = profiles.filter(region=data["region"])
        if data["thematique"]:
            profiles = profiles.filter(thematiques=data["thematique"])
    page_obj = Paginator(profiles, DIRECTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "members/directory.html",
        {"form": form, "page_obj": page_obj, "query_string": query.urlencode()},
    )
