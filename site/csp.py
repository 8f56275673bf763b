"""Content-Security-Policy: the public site's strict policy (settings
CONTENT_SECURITY_POLICY, django-csp) everywhere, and the looser one Wagtail's admin
needs (settings MAILLAGE_ADMIN_CONTENT_SECURITY_POLICY) under its URL prefix: the admin
still sets inline styles and runs a few inline scripts, the public pages do neither."""

import functools

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware, PolicyParts
from csp.utils import build_policy, default_config
from django.conf import settings
from django.core.signals import setting_changed

# What a view may set on its response (django-csp's decorators) to change the policy.
VIEW_OVERRIDES = tuple(
    f"_csp_{kind}{suffix}" for kind in ("config", "update", "replace") for suffix in ("", "_ro")
)


@functools.cache
def _policies(admin):
    """The header and the report-only header of a response no view changed and that
    asked for no nonce: the same for every such response of the area (admin or site), so
    built once per process (about a tenth of a millisecond each time otherwise)."""
    config = default_config(settings.MAILLAGE_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
    return build_policy(config=config if admin else None), build_policy(report_only=True)


def _forget_policies(setting, **kwargs):
    if "CONTENT_SECURITY_POLICY" in setting:
        _policies.cache_clear()


setting_changed.connect(_forget_policies, dispatch_uid="maillage_csp_policies")


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

    def process_response(self, request, response):
        """As django-csp's, with the headers built once for the common case."""
        if getattr(request, "_csp_nonce", None) is not None or any(
            getattr(response, name, None) is not None for name in VIEW_OVERRIDES
        ):
            return super().process_response(request, response)
        if response.status_code in (404, 500) and settings.DEBUG:
            return response
        path = request.path_info
        policy, report_only = _policies(path.startswith(settings.MAILLAGE_ADMIN_CSP_PREFIX))
        for header, value, exempt, setting in (
            (HEADER, policy, "_csp_exempt", "CONTENT_SECURITY_POLICY"),
            (
                HEADER_REPORT_ONLY,
                report_only,
                "_csp_exempt_ro",
                "CONTENT_SECURITY_POLICY_REPORT_ONLY",
            ),
        ):
            excluded = (getattr(settings, setting, None) or {}).get("EXCLUDE_URL_PREFIXES") or ()
            if (
                value
                and header not in response
                and getattr(response, exempt, False) is False
                and not path.startswith(tuple(excluded))
            ):
                response[header] = value
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
