"""WSGI entry point (`gunicorn maillage.wsgi`), production settings by default.

A setting that cannot be read stops the worker with its one French line on stderr, not a
traceback, and gunicorn then stops for want of a worker that boots.

Once Django is loaded, the objects it made (some 275,000: modules, models, URL
patterns, compiled templates) are moved out of the garbage collector's reach
(`gc.freeze`): they live as long as the worker, and each full collection no longer walks
them all again."""

import gc
import os
import sys

from django.core.exceptions import ImproperlyConfigured
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "maillage.settings.production")
try:
    application = get_wsgi_application()
except ImproperlyConfigured as error:
    sys.exit(str(error))
gc.freeze()
