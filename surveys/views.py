"""The space page's "Enquêtes" section and the admin's invitation of non-members."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from surveys import services
from surveys.forms import InvitationForm
from surveys.invitations import send_invitations
from surveys.pages import SurveyPage

SPACE_SECTION_SIZE = 5


def space_section_context(space, request):
    """The surveys of the space, running ones first."""
    surveys = SurveyPage.objects.visible_to(request.user).filter(space=space).for_listing()
    # Nothing personal beyond the spaces the member sees: the space page caches the
    # section for all who see the same ones (`surveys` is read while rendering).
    return {"surveys": surveys[:SPACE_SECTION_SIZE], "space": space, "shared": "surveys"}


def invite(request, page_id):
    """Invite non-members by e-mail (admin view, for those who may edit the survey)."""
    survey = get_object_or_404(SurveyPage, pk=page_id)
    if not services.is_editor(request.user, survey):
        return redirect("wagtailadmin_home")
    form = InvitationForm(request.POST or None)
    if not survey.open_to_invited:
        form = None
    elif request.method == "POST" and form.is_valid():
        invitations = services.invite(survey, form.cleaned_data["emails"])
        send_invitations(request, survey, invitations)
        skipped = len(form.cleaned_data["emails"]) - len(invitations)
        messages.success(
            request,
            ngettext(
                "%(count)d invitation envoyée.", "%(count)d invitations envoyées.", len(invitations)
            )
            % {"count": len(invitations)}
            + (
                " "
                + ngettext(
                    "%(count)d adresse déjà invitée a été laissée de côté.",
                    "%(count)d adresses déjà invitées ont été laissées de côté.",
                    skipped,
                )
                % {"count": skipped}
                if skipped
                else ""
            ),
        )
        return redirect(reverse("surveys_invite", args=[survey.pk]))
    return TemplateResponse(
        request,
        "surveys/admin/invite.html",
        {
            "survey": survey,
            "form": form,
            "invited": survey.invitations.order_by("-created_at")[:200],
            "invited_count": survey.invitations.count(),
            "used_count": survey.invitations.filter(used_on__isnull=False).count(),
            "title": _("Inviter des non-membres"),
        },
    )
