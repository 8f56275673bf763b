"""What every request to the API goes through, before and after the endpoint:

- CORS for reading only: `Access-Control-Allow-Origin: *` on every answer, and an answer
  to the browsers' preflight (OPTIONS) that allows GET and HEAD with the Authorization
  header; no credentials (cookies are ignored anyway: a token travels in a header);
- the caller: `Authorization: Bearer <token>` gives the token's member as `request.user`,
  no header an anonymous user (the session cookie is not read, so that a page open in the
  browser never changes what a script receives); a wrong or revoked token is a 401;
- the rate limit, per token, else per address (django-ratelimit's fixed window in the
  default cache): over it, 429 with `Retry-After`;
- conditional answers: an ETag (hash of the body) on every 200, and 304 when the client
  sends it back in If-None-Match, or sends an If-Modified-Since not older than the
  Last-Modified the endpoint set;
- `Vary: Authorization` and `Cache-Control: private` for a token's answers (a shared
  cache must never give them to someone else).
"""

import datetime
from functools import wraps

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag
from django.utils.http import parse_http_date_safe
from django.utils.translation import gettext as _
from django_ratelimit.core import get_usage

from api.models import ApiToken

DEFAULT_RATE = "120/m"
# How often a token's "last used" date is written, at most.
LAST_USED_PRECISION = datetime.timedelta(minutes=1)


def rate():
    return settings.MAILLAGE_RATE_LIMITS.get("api", DEFAULT_RATE)


def _error(status, message, **headers):
    response = JsonResponse({"detail": message}, status=status)
    for name, value in headers.items():
        response[name] = value
    return response


def _cors(response):
    response["Access-Control-Allow-Origin"] = "*"
    return response


def preflight():
    response = HttpResponse(status=204)
    response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
    response["Access-Control-Allow-Headers"] = "Authorization, If-None-Match, If-Modified-Since"
    response["Access-Control-Max-Age"] = "86400"
    return response


def _bearer(request):
    """(header given, raw token) from the Authorization header."""
    header = request.META.get("HTTP_AUTHORIZATION", "")
    if not header:
        return False, None
    scheme, _sep, raw = header.partition(" ")
    return True, (raw.strip() if scheme.lower() == "bearer" and raw.strip() else None)


def _touch(token):
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at > LAST_USED_PRECISION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)


def _token_key(group, request):
    return f"token:{request.api_token.pk}"


def _seconds_to_wait(request):
    """None while under the limit; else the seconds until the window ends (at least 1).
    A token has its own count; without one, the address counts (django-ratelimit's
    "ip" key, which follows RATELIMIT_IP_META_KEY behind a proxy)."""
    usage = get_usage(
        request,
        group="maillage.api",
        key=_token_key if request.api_token else "ip",
        rate=rate(),
        increment=True,
    )
    if usage is None or not usage["should_limit"]:
        return None
    return max(usage["time_left"], 1)


def _conditional(request, response):
    if request.method not in ("GET", "HEAD") or response.status_code != 200:
        return response
    set_response_etag(response)
    last_modified = parse_http_date_safe(response.get("Last-Modified", ""))
    return get_conditional_response(
        request, etag=response["ETag"], last_modified=last_modified, response=response
    )


def api_view(view):
    """Wraps one of the API's Django views (see the module docstring)."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            return _cors(preflight())
        head = request.method == "HEAD"
        if head:  # the endpoints declare GET: HEAD is GET without the body
            request.method = "GET"
        given, raw = _bearer(request)
        token = ApiToken.objects.matching(raw) if raw else None
        request.api_token = token
        request.user = token.user if token else AnonymousUser()
        wait = _seconds_to_wait(request)
        if wait is not None:
            response = _error(
                429,
                _("Trop de requêtes : réessayez dans %(seconds)s s (limite : %(rate)s).")
                % {"seconds": wait, "rate": rate()},
                **{"Retry-After": str(wait)},
            )
        elif given and token is None:
            response = _error(
                401,
                _(
                    "Jeton d’accès invalide ou révoqué : vérifiez l’en-tête « Authorization: "
                    "Bearer <jeton> », ou n’en envoyez pas pour lire les données publiques."
                ),
                **{"WWW-Authenticate": 'Bearer realm="api"'},
            )
        else:
            if token:
                _touch(token)
            response = _conditional(request, view(request, *args, **kwargs))
        patch_vary_headers(response, ["Authorization"])
        if token:
            response["Cache-Control"] = "private, no-cache"
        else:
            response.setdefault("Cache-Control", "no-cache")
        if head:
            response.content = b""
        return _cors(response)

    return wrapped
