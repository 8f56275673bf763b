"""Members propose resources and retours d'expérience on the site, keep them as drafts,
submit them to the editors, and follow them in "Mes contributions". Every view reads
the submission among the member's own (anyone else's is a 404) and refuses, with the
reason and the way back, what its state no longer allows."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from content.listing import paginate
from maillage.ratelimits import refuse_form
from submissions import services
from submissions.forms import SUBMIT, ExperienceSubmissionForm, ResourceSubmissionForm
from submissions.models import Kind, Status, Submission

RATE_SCOPE = "submission"
FORMS = {
    Kind.RESOURCE: (ResourceSubmissionForm, services.save_resource),
    Kind.EXPERIENCE: (ExperienceSubmissionForm, services.save_experience),
}


@login_required
def my_contributions(request):
    submissions = Submission.objects.filter(author=request.user).order_by("-updated_at", "-id")
    page_obj, query_string = paginate(request, submissions)
    return render(
        request,
        "submissions/my_contributions.html",
        {"page_obj": page_obj, "query_string": query_string},
    )


def _render_form(request, kind, form, submission=None):
    obj = submission.content_object if submission else None
    return render(
        request,
        "submissions/submission_form.html",
        {"form": form, "kind": kind, "submission": submission, "object": obj},
    )


def _instance(form):
    """The form's object with its many-to-many set: parental ones are written when the
    object is saved."""
    obj = form.save(commit=False)
    form.save_m2m()
    return obj


def _saved(request, submission):
    if request.POST.get("action") == SUBMIT:
        services.submit(submission, request.user)
        messages.success(
            request,
            _(
                "Votre contribution « %(title)s » est transmise à l’équipe éditoriale : vous serez prévenu·e "
                "de sa publication ou des modifications demandées."
            )
            % {"title": submission.title},
        )
        return redirect("submissions:mine")
    messages.success(request, _("Brouillon enregistré."))
    return redirect("submissions:edit", submission.pk)


@login_required
def propose(request, kind):
    if kind not in FORMS:
        raise Http404
    form_class, save = FORMS[kind]
    if request.method != "POST":
        return _render_form(request, kind, form_class())
    form = form_class(request.POST, request.FILES)
    if refuse_form(request, RATE_SCOPE, form) or not form.is_valid():
        return _render_form(request, kind, form)
    return _saved(request, save(_instance(form), request.user))


def _own(request, pk):
    return get_object_or_404(Submission, pk=pk, author=request.user)


def _not_editable(request, submission):
    messages.error(
        request,
        _(
            "Votre contribution « %(title)s » est %(status)s : vous ne pouvez plus la modifier. "
            "Vous la modifierez si l’équipe éditoriale vous demande des changements."
        )
        % {"title": submission.title, "status": submission.get_status_display().lower()},
    )
    return redirect("submissions:mine")


@login_required
def edit(request, pk):
    submission = _own(request, pk)
    if not submission.is_editable:
        return _not_editable(request, submission)
    form_class, save = FORMS[submission.kind]
    draft = submission.content_object.get_latest_revision_as_object()
    if request.method != "POST":
        return _render_form(request, submission.kind, form_class(instance=draft), submission)
    form = form_class(request.POST, request.FILES, instance=draft)
    # New drafts (`propose`) and submissions count against the member's limit.
    limited = request.POST.get("action") == SUBMIT and refuse_form(request, RATE_SCOPE, form)
    if limited or not form.is_valid():
        return _render_form(request, submission.kind, form, submission)
    return _saved(request, save(_instance(form), request.user, submission))


@login_required
@require_POST
def delete(request, pk):
    submission = _own(request, pk)
    if submission.status != Status.DRAFT:
        messages.error(
            request,
            _("Seul un brouillon se supprime : votre contribution « %(title)s » est %(status)s.")
            % {"title": submission.title, "status": submission.get_status_display().lower()},
        )
    else:
        services.delete_draft(submission)
        messages.success(request, _("Brouillon supprimé."))
    return redirect("submissions:mine")
