"""Where a form may send the visitor back to: the one check every `next` parameter goes
through, so that no form of the site redirects to another site (open redirect)."""

from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme


def safe_next(request, fallback):
    """The `next` URL of the request (POST first, then GET) when it stays on this site,
    with HTTPS if the request came by HTTPS; `fallback` otherwise."""
    next_url = request.POST.get("next") or request.GET.get("next")
    if next_url and url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return next_url
    return fallback


def redirect_next(request, fallback):
    """Redirect to the request's `next` URL if it is safe, else to `fallback`."""
    return redirect(safe_next(request, fallback))
