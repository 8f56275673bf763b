import os

from .dev import *  # noqa: F403
from .dev import DATABASES, VAR_DIR

DEBUG = False
# Several test runs may share the embedded server (e.g. two checkouts); a suffix keeps
# their test databases apart.
DATABASES["default"]["TEST"] = {
    "NAME": "test_maillage" + os.environ.get("MAILLAGE_TEST_DB_SUFFIX", "")
}
DATABASES["default"]["CONN_MAX_AGE"] = 0
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = VAR_DIR / "test-media"
WAGTAILADMIN_BASE_URL = "http://testserver"
MAILLAGE_PRIVATE_ROOT = VAR_DIR / "test-private"
