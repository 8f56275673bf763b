"""Content-Security-Policy: the public site's strict policy (settings
CONTENT_SECURITY_POLICY, django-csp) everywhere, and the looser one Wagtail's admin
needs (settings MAILLAGE_ADMIN_CONTENT_SECURITY_POLICY) under its URL prefix: the admin
still sets inline styles and runs a few inline scripts, the public pages do neither."""

from csp.middleware import CSPMiddleware, PolicyParts
from csp.utils import default_config
from django.conf import settings


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy for the admin's paths (a view's
    own @csp_override still wins)."""

    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(settings.MAILLAGE_ADMIN_CSP_PREFIX)
        ):
            parts.config = default_config(
                settings.MAILLAGE_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
            )
        return parts
