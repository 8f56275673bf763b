"""`make test` fails when a model changed without its migration: the check runs here, in
a process where Django is already loaded, rather than in a `manage.py` of its own before
the suite (a start-up of the whole project, on the critical path)."""

import io

from django.core.management import call_command


def test_every_model_change_has_its_migration(db):
    out = io.StringIO()
    try:
        call_command("makemigrations", check=True, dry_run=True, stdout=out, stderr=out)
    except SystemExit as exit:  # --check exits 1 when a migration is missing
        raise AssertionError("migration manquante :\n" + out.getvalue()) from exit
