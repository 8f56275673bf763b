"""A resource's own page (what the document is, who proposed it, the members'
comments) and the private download of a proposed resource's file."""

from django.contrib.auth.decorators import login_required
from django.db.models import Value
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject
from django.utils.text import slugify

from library.models import Resource, ResourceIndexPage, ResourceSubmission
from maillage import private_files


def resource_detail(request, pk):
    """Documents of a restricted collection keep Wagtail's own protection: no page.

    The view reads the resource's own row only (the title, and the comments' target, which
    the comment section need not check again: `read_as_public`, library/apps.py);
    what the page shows of it (contributor, territory, thematiques) and the library's
    link are read inside the template's fragments, on a miss only."""
    resource = get_object_or_404(
        Resource.objects.public().annotate(read_as_public=Value(True)), pk=pk
    )
    return render(
        request,
        "library/resource_detail.html",
        {
            "resource": resource,
            "details": SimpleLazyObject(
                lambda: (
                    Resource.objects.select_related(
                        "region", "departement", "contributed_by__profile__structure"
                    )
                    .prefetch_related("thematiques")
                    .get(pk=pk)
                )
            ),
            "library": SimpleLazyObject(lambda: ResourceIndexPage.objects.live().first()),
        },
    )


def can_review(user):
    """Editors and moderators, who review proposed resources in the admin."""
    return user.has_perm("library.change_resourcesubmission")


@login_required
def submission_file(request, pk):
    """The file of a proposed resource, to its author and to the reviewers only: for
    anyone else it does not exist."""
    submission = get_object_or_404(ResourceSubmission, pk=pk)
    if submission.submitted_by_id != request.user.pk and not can_review(request.user):
        raise Http404
    name = (
        f"{slugify(submission.title)[:80] or 'ressource'}.{submission.file.name.rsplit('.', 1)[-1]}"
    )
    return private_files.serve(submission.file, name, inline=False)
