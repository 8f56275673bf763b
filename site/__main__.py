"""Command line of an installed Maillage: `python -m maillage migrate` (or the `maillage`
script) is `manage.py` without the checkout, with production settings by default.

A setting that cannot be read (a missing or malformed variable) stops the command with
its one French line on stderr, not a traceback."""

import os
import sys

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import execute_from_command_line


def main(default_settings: str = "maillage.settings.production") -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", default_settings)
    try:
        settings.INSTALLED_APPS  # noqa: B018 -- reading one setting loads them all
    except ImproperlyConfigured as error:
        sys.exit(str(error))
    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
