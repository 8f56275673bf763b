"""A version per comment author, kept by PostgreSQL, for the cached lists of a member's
comments (`participation.comments.models.AUTHOR_VERSIONS`, `maillage.table_versions.Scope`):
the contributions on a public profile.

``participation_authorversion`` holds one row per member whose comments were written since
this migration: key the user id as text, version a random uuid. Statement triggers on the
tables that say what a member's comment is and whether it shows (the comment, its xtd and
participation rows) give the authors of the rows a statement inserted, updated (before and
after) or deleted a new version; a TRUNCATE of one of them gives one to the key "*" (which
every check reads too). As for the threads' versions (0005), every write is seen, whatever
sends it, and a rollback undoes it with the rest. A row lock per author is held until the
writer commits: one member's comments are written one transaction at a time (these
triggers are named before the threads' ones, so every statement locks authors first, then
objects, each in key order). Reactions are not covered: a profile does not show them.

The table lives outside Django's models: only raw SQL reads it, only the triggers write it.
"""

from django.db import migrations

from participation.migrations._version_triggers import backward, forward, joined_comment_rows

# Each covered table: how its changed rows (alias r) name their author.
AUTHOR_OF_ROWS = {
    "django_comments": "SELECT r.user_id::text FROM {rows} AS r",
    **joined_comment_rows(
        "c.user_id::text",
        (
        ("django_comments_xtd_xtdcomment", "comment_ptr_id"),
        ("participation_comment", "xtdcomment_ptr_id"),
        ),
    ),
}


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0005_thread_versions"),
    ]

    operations = [
        migrations.RunSQL(
            forward("author", "authors", AUTHOR_OF_ROWS),
            backward("author", "authors", AUTHOR_OF_ROWS),
        ),
    ]
