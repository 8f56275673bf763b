"""Members who must accept new versions of the terms land on the acceptance page until
they do; logging out, reading the legal pages, the admin and files stay open."""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from privacy.consent import SESSION_KEY

OPEN_PREFIXES = ("/admin/", "/static/", "/media/", "/documents/", "/comptes/logout/")


class ReconsentMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            return self.get_response(request)  # a visitor: leave the session untouched
        legal_paths = request.session.get(SESSION_KEY)
        if legal_paths is not None and not self._is_open(request.path, legal_paths):
            target = reverse("privacy:reconsent")
            return redirect(f"{target}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    @staticmethod
    def _is_open(path, legal_paths):
        return (
            path.startswith((*OPEN_PREFIXES, reverse("privacy:reconsent"))) or path in legal_paths
        )
