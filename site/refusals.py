"""Refusals that help: the site's 403 handler (`maillage.views.permission_denied`) renders
these instead of the bare "Accès refusé" page. Raised by views of any module; the
module builds the explanation, the handler only renders it."""

from django.core.exceptions import PermissionDenied


class ExplainedRefusal(PermissionDenied):
    """A refused action rendered as `template_name` with `context`, status 403: the page
    says why and gives the next useful link."""

    template_name = "403.html"

    def __init__(self, context=None):
        super().__init__()
        self.context = context or {}


class LoginToContinue(PermissionDenied):
    """Content for logged-in members only, asked by a logged-out visitor: the handler
    sends them to the login page, which brings them back to `next_url` (the requested
    page by default)."""

    def __init__(self, next_url=""):
        super().__init__()
        self.next_url = next_url
