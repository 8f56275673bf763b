"""Whole-page cache for anonymous visitors, exact to the table.

Anonymous GETs of public pages (no session or messages cookie, not an htmx request, not
the admin or account pages) are stored with the tables they read (see
`maillage.table_versions`) and served again while none of those tables has been
written: a vote expires the proposal pages, not the news. A hit is answered before the
session, authentication and view layers run, with the headers of the original response.

Enabled by MAILLAGE_PAGE_CACHE_SECONDS > 0 (production); the cache backend must be
shared by all server processes (the production settings use a file-based cache, or
Redis), and so must the table versions (a memory-mapped file on one machine).
"""

from django.conf import settings
from django.http import HttpResponse

from maillage import table_versions

EXCLUDED_PATHS = ("/admin/", "/comptes/", "/documents/", "/membres/mon-profil/")


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.MAILLAGE_PAGE_CACHE_SECONDS
        if seconds <= 0 or not self._cacheable_request(request):
            return self.get_response(request)
        key = table_versions.key("page-cache", request.build_absolute_uri())
        entry = table_versions.current_entry(key)
        if entry is not None:
            response = HttpResponse(entry["content"])
            for header, value in entry["headers"].items():
                response[header] = value
            response["X-Page-Cache"] = "hit"
            return response
        with table_versions.recording() as tables:
            response = self.get_response(request)
        if self._cacheable_response(response):
            headers = dict(response.items())
            table_versions.store_entry(
                key, {"content": response.content, "headers": headers, "tables": tables}, seconds
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
