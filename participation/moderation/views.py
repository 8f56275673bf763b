from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils.translation import gettext as _

from maillage.ratelimits import refuse_form
from maillage.redirects import safe_next
from participation import registry
from participation.moderation import services as moderation
from participation.moderation.forms import ReportForm
from participation.spaces.visibility import target_or_404
from participation.utils import redirect_back


@login_required
def report(request, content_type_id, object_id):
    target = target_or_404(content_type_id, object_id, request.user, registry.REPORT)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not refuse_form(request, "report", form):
        try:
            moderation.report(
                request.user, target, form.cleaned_data["reason"], form.cleaned_data["details"]
            )
        except moderation.AlreadyReported:
            messages.info(request, _("Vous avez déjà signalé ce contenu."))
        else:
            messages.success(
                request, _("Merci, votre signalement est transmis à l’équipe de modération.")
            )
        return redirect_back(request, target)
    return render(
        request,
        "participation/report_form.html",
        {"form": form, "target": target, "next": safe_next(request, "")},
    )
