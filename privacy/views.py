from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from maillage.ratelimits import over_limit
from maillage.redirects import redirect_next
from privacy.consent import SESSION_KEY, outdated_documents
from privacy.deletion import delete_account
from privacy.export import export_json
from privacy.forms import DeleteAccountForm, ReconsentForm
from privacy.models import LegalDocument, LegalPage

EXPORT_SCOPE = "data_export"
DELETE_SCOPE = "account_delete"  # the password is checked: no guessing in a loop


def legal_document(request, document):
    """A stable address for each legal document (the footer links here, with no query
    on every page), whatever slug the editors give its page."""
    if document not in LegalDocument.values:
        raise Http404
    page = LegalPage.objects.live().filter(document=document).first()
    if page is None:
        raise Http404
    return redirect(page.url)


@login_required
def my_data(request):
    """What the platform keeps about the member, the download and the deletion."""
    return render(request, "privacy/my_data.html")


@require_POST
@login_required
def export(request):
    """All the member's data as one JSON file (rate-limited: it reads every table)."""
    if over_limit(request, EXPORT_SCOPE):
        messages.error(
            request,
            _("Vous avez déjà téléchargé vos données plusieurs fois : réessayez dans une heure."),
        )
        return redirect("privacy:my_data")
    response = HttpResponse(export_json(request.user), content_type="application/json")
    filename = f"maillage-mes-donnees-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def delete(request):
    if request.method == "POST" and over_limit(request, DELETE_SCOPE):
        # Refused before the password is even checked, so that it reveals nothing.
        messages.error(request, _("Trop d’essais : réessayez dans une heure."))
        return redirect("privacy:delete")
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        delete_account(request.user)
        logout(request)
        messages.success(
            request,
            _("Votre compte est supprimé. Vos contributions restent signées « Compte supprimé »."),
        )
        return redirect("/")
    return render(request, "privacy/delete.html", {"form": form})


@login_required
def reconsent(request):
    """The terms or the privacy notice changed since the member accepted them."""
    form = ReconsentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.fields["accept_terms"].record(request.user)
        request.session.pop(SESSION_KEY, None)
        messages.success(request, _("Merci, votre acceptation est enregistrée."))
        return redirect_next(request, "/")
    return render(
        request,
        "privacy/reconsent.html",
        {"form": form, "documents": outdated_documents(request.user)},
    )
