"""Load runs (`make bench-data`, bench/load.py): production behaviour (DEBUG off, page
cache, WhiteNoise's manifest, gunicorn) on this machine's embedded PostgreSQL, plus the
tooling app (seed_bench, bench_targets) and the X-Query-Count header it reads.

The production settings read the secret key, the database and the log level from the
environment; a load run on a developer's machine sets none, so this module provides them
first."""

import os

from maillage.embedded_db import database_url

from .base import VAR_DIR

os.environ.setdefault("DJANGO_SECRET_KEY", "load-run-only-secret-key-" + "x" * 40)
os.environ.setdefault("DATABASE_URL", database_url(VAR_DIR))
# Seeding creates thousands of pages: Wagtail's line per page would drown the progress.
os.environ.setdefault("DJANGO_LOG_LEVEL", "WARNING")

from .production import *  # noqa: E402, F403
from .production import INSTALLED_APPS, MIDDLEWARE  # noqa: E402

INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]
MIDDLEWARE = ["devtools.query_count.QueryCountMiddleware", *MIDDLEWARE]
# The load runner speaks plain HTTP on the loopback.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = False
