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
# Test data need not survive a crash: a commit does not wait for its WAL to reach the disk
# (each transactional test commits many times, and each flush of it).
DATABASES["default"]["OPTIONS"]["options"] = "-c synchronous_commit=off"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# One folder per pytest process (pytest-xdist's worker name, and the run's database
# suffix, so that two runs side by side keep theirs), emptied when its run starts
# (tests/conftest.py): uploads of earlier runs do not pile up.
TEST_FILES = (
    VAR_DIR
    / "test-files"
    / (
        os.environ.get("PYTEST_XDIST_WORKER", "main")
        + os.environ.get("MAILLAGE_TEST_DB_SUFFIX", "")
    )
)
MEDIA_ROOT = TEST_FILES / "media"
WAGTAILADMIN_BASE_URL = "http://testserver"
MAILLAGE_PRIVATE_ROOT = TEST_FILES / "private"
# Wagtail's admin search index is not updated on every save: building it was about a
# quarter of the time to create a page, and no test reads that index. A test of the admin's
# own search must turn it back on (override_settings with "AUTO_UPDATE": True).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}
}
