"""Development: DEBUG on, the tooling app (demo content, load data), and the embedded
PostgreSQL under var/ when no DATABASE_URL is given."""

import os

from maillage.embedded_db import database_url

from .base import *  # noqa: F403
from .base import INSTALLED_APPS, VAR_DIR, database_from_url, env_bool

DEBUG = env_bool("DJANGO_DEBUG", True)
INSTALLED_APPS = [*INSTALLED_APPS, "devtools"]
DATABASES = database_from_url(
    os.environ.get("DATABASE_URL") or database_url(VAR_DIR, disposable=True)
)
