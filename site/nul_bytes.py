"""Refuses a NUL character in the URL or query string with a French 400 page.

PostgreSQL cannot store or compare text holding NUL ("\\x00"): any search, filter or
lookup that passed one on answered 500. Forms refuse it already (Django's CharField has
ProhibitNullCharactersValidator); this middleware covers every view that reads
`request.GET` directly, and shows the visitor what they typed without the character,
with a link to go on with it."""

from django.http import QueryDict
from django.shortcuts import render

NUL = "\x00"


def _has_nul(request):
    return NUL in request.path or any(
        NUL in key or any(NUL in value for value in values) for key, values in request.GET.lists()
    )


def _without_nul(request):
    cleaned = QueryDict(mutable=True)
    for key, values in request.GET.lists():
        cleaned.setlist(key.replace(NUL, ""), [value.replace(NUL, "") for value in values])
    return cleaned


class RejectNulBytesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _has_nul(request):
            return self.get_response(request)
        cleaned = _without_nul(request)
        url = request.path.replace(NUL, "")
        if cleaned:
            url += "?" + cleaned.urlencode()
        typed = [value for _key, values in cleaned.lists() for value in values if value.strip()]
        return render(request, "400_nul_byte.html", {"url": url, "typed": typed}, status=400)
