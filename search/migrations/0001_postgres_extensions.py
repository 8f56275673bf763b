from django.contrib.postgres.operations import TrigramExtension, UnaccentExtension
from django.db import migrations


class Migration(migrations.Migration):
    """French full-text search ignores accents (unaccent) and tolerates typos (pg_trgm)."""

    initial = True
    dependencies = []
    operations = [UnaccentExtension(), TrigramExtension()]
