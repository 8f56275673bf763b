"""A version per commented object, kept by PostgreSQL, for the cached comment threads
(`participation.comments.models.THREAD_VERSIONS`, `maillage.table_versions.Scope`).

``participation_threadversion`` holds one row per object whose comments were written
since this migration: key "<content type id>:<object pk>", version a random uuid. Statement
triggers on the tables a thread reads per object (comments, their xtd and participation
rows, reactions) give the objects of the rows a statement inserted, updated (before and
after) or deleted a new version; a TRUNCATE of one of them gives one to the key "*" (which
every check reads too). So every write is seen, whatever sends it, and a rollback undoes
it with the rest. A row lock per object is held until the writer commits: writers of one
object's comments wait for each other at that point (keys are locked in order).

The table lives outside Django's models: only raw SQL reads it, only the triggers write it.
"""

from django.db import migrations

from participation.migrations._version_triggers import backward, forward, joined_comment_rows

# Each covered table: how its changed rows (alias r) name their object.
OBJECT_OF_ROWS = {
    "django_comments": "SELECT r.content_type_id || ':' || r.object_pk FROM {rows} AS r",
    **joined_comment_rows(
        "c.content_type_id || ':' || c.object_pk",
        (
        ("django_comments_xtd_xtdcomment", "comment_ptr_id"),
        ("participation_comment", "xtdcomment_ptr_id"),
        ("participation_commentreaction", "comment_id"),
        ),
    ),
}


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0004_notification_visits"),
    ]

    operations = [
        migrations.RunSQL(
            forward("thread", "threads", OBJECT_OF_ROWS),
            backward("thread", "threads", OBJECT_OF_ROWS),
        ),
    ]
