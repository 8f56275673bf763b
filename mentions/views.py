"""Suggestions while typing `@`: at most eight members of the directory whose name
contains what was typed (accents ignored: "eva" finds Éva), as an HTML list of options
the combobox shows. Members only, rate-limited (each keystroke may ask)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from maillage import ratelimits
from mentions.parsing import mentionable

LIMIT = 8
MIN_LENGTH = 2
MAX_LENGTH = 60


@require_GET
@login_required
def suggest(request):
    if ratelimits.over_limit(request, "mention_search"):
        return HttpResponse(ratelimits.message(), status=429, content_type="text/plain")
    typed = " ".join(request.GET.get("q", "").split())[:MAX_LENGTH]
    members = None
    if len(typed) >= MIN_LENGTH:
        members = list(
            mentionable()
            .filter(display_name__unaccent__icontains=typed)
            .exclude(pk=request.user.pk)
            .select_related("profile")
            .order_by("display_name", "pk")[:LIMIT]
        )
    return render(
        request,
        "mentions/suggestions.html",
        {"members": members, "typed": typed if members is not None else ""},
    )
