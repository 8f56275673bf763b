"""Whole-page cache for anonymous visitors, invalidated by any write to the content.

Anonymous GETs of public pages (no session or messages cookie, not an htmx request, not
the admin or account pages) are served from the cache while the content has not
changed. "Changed" is detected at the lowest level: every INSERT, UPDATE or DELETE that
the application sends to PostgreSQL, on a table that pages show, bumps a content
generation number that is part of every cache key. So writes made with `.update()` or
raw SQL invalidate too, and nothing has to remember to clear the cache.

Enabled by MAILLAGE_PAGE_CACHE_SECONDS > 0 (production); the cache backend must be
shared by all server processes (the production settings use a file-based cache).
"""

import hashlib
import re

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse

GENERATION_KEY = "page-cache:generation"
WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([a-z0-9_]+)"?', re.IGNORECASE)
# Tables whose writes change nothing an anonymous visitor sees.
IGNORED_TABLE_PREFIXES = (
    "django_session",
    "django_tasks",
    "django_admin_log",
    "account_",
    "wagtailcore_modellogentry",
    "wagtailcore_pagelogentry",
    "wagtailcore_revision",
    "wagtailcore_editingsession",
    "wagtailusers_",
    "wagtailadmin_",
    "participation_notification",
    "participation_digest",
)
EXCLUDED_PATHS = ("/admin/", "/comptes/", "/documents/", "/membres/mon-profil/")


def generation():
    return cache.get_or_set(GENERATION_KEY, 1, timeout=None)


def bump_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def invalidate_on_write(execute, sql, params, many, context):
    """Database execute wrapper: a content write makes every cached page stale, now
    (for this transaction's own later reads) and again once committed (so that a page
    cached by a concurrent request in between does not outlive the commit)."""
    match = WRITE.match(sql)
    if match and not match.group(1).startswith(IGNORED_TABLE_PREFIXES):
        bump_generation()
        connection = context["connection"]
        if connection.in_atomic_block:
            transaction.on_commit(bump_generation, using=connection.alias)
    return execute(sql, params, many, context)


def install_write_detector(sender, connection, **kwargs):
    if invalidate_on_write not in connection.execute_wrappers:
        connection.execute_wrappers.append(invalidate_on_write)


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.MAILLAGE_PAGE_CACHE_SECONDS
        if seconds <= 0 or not self._cacheable_request(request):
            return self.get_response(request)
        key = self._key(request)
        cached = cache.get(key)
        if cached is not None:
            response = HttpResponse(cached["content"], content_type=cached["content_type"])
            response["X-Page-Cache"] = "hit"
            return response
        response = self.get_response(request)
        if self._cacheable_response(response):
            cache.set(
                key,
                {"content": response.content, "content_type": response["Content-Type"]},
                seconds,
            )
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def _cacheable_request(request):
        return (
            request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and "messages" not in request.COOKIES
            and "HTTP_HX_REQUEST" not in request.META
            and not request.path.startswith(EXCLUDED_PATHS)
        )

    @staticmethod
    def _cacheable_response(response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not any(word in cache_control for word in ("private", "no-cache", "no-store"))
        )

    @staticmethod
    def _key(request):
        digest = hashlib.sha256(request.build_absolute_uri().encode()).hexdigest()
        return f"page-cache:{generation()}:{digest}"
