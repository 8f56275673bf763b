"""WSGI entry point (`gunicorn maillage.wsgi`), production settings by default.

A setting that cannot be read stops the worker with its one French line on stderr, not a
traceback, and gunicorn then stops for want of a worker that boots."""

import os
import sys

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maillage.settings.production")
try:
    application = get_wsgi_application()
except ImproperlyConfigured as error:
    sys.exit(str(error))
