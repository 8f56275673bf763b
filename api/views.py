"""A member's API tokens: list, create (the value is shown once, in the answer to the
creation, never stored), revoke. Only the member's own tokens are ever read or deleted."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from api.forms import TokenForm
from api.models import ApiToken

MAX_TOKENS = 20


@login_required
def token_list(request):
    tokens = ApiToken.objects.filter(user=request.user)
    form = TokenForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        if tokens.count() >= MAX_TOKENS:
            form.add_error(
                None,
                _("Vous avez déjà %(count)s jetons : révoquez-en un avant d’en créer un autre.")
                % {"count": MAX_TOKENS},
            )
        else:
            token, raw = ApiToken.objects.create_for(request.user, form.cleaned_data["name"])
            created = {"token": token, "raw": raw}
            form = TokenForm()
    response = render(
        request, "api/tokens.html", {"tokens": tokens, "form": form, "created": created}
    )
    # The page may show a token's value: never keep it in a cache.
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def token_revoke(request, pk):
    token = get_object_or_404(ApiToken, pk=pk, user=request.user)
    token.delete()
    messages.success(
        request,
        _("Le jeton « %(name)s » est révoqué : il ne donne plus accès.") % {"name": token.name},
    )
    return redirect("api:tokens")
