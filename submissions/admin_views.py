"""Refusing a member's submission, from the admin: the one review outcome Wagtail's
workflows do not offer (they approve or ask for changes)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from submissions import services
from submissions.models import Status, Submission


class RefusalForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Raison du refus"),
        widget=forms.Textarea(attrs={"rows": 5}),
        max_length=2000,
        help_text=gettext_lazy("Envoyée au membre ; le refus est définitif."),
    )


def can_refuse(user, submission):
    """Whoever may approve the submission's current review task may refuse it."""
    if submission is None or submission.status != Status.IN_REVIEW:
        return False
    obj = submission.content_object
    state = obj.current_workflow_state if obj is not None else None
    if state is None or state.current_task_state is None:
        return False
    actions = state.current_task_state.task.specific.get_actions(obj, user)
    return any(action[0] == "approve" for action in actions)


def refuse(request, pk):
    submission = get_object_or_404(Submission, pk=pk)
    if not can_refuse(request.user, submission):
        raise PermissionDenied
    form = RefusalForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.refuse(submission, request.user, form.cleaned_data["reason"])
        messages.success(
            request,
            _("« %(title)s » est refusée ; son auteur est prévenu.") % {"title": submission},
        )
        return redirect("wagtailadmin_home")
    return TemplateResponse(
        request, "submissions/admin/refuse.html", {"submission": submission, "form": form}
    )
