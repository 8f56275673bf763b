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

FORWARD = """
CREATE TABLE participation_threadversion (
    key text PRIMARY KEY,
    version uuid NOT NULL
);

CREATE FUNCTION participation_bump_threads(keys text[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO participation_threadversion (key, version)
    SELECT key, gen_random_uuid()
    FROM (SELECT DISTINCT unnest(keys) AS key) AS changed
    WHERE key IS NOT NULL
    ORDER BY key
    ON CONFLICT (key) DO UPDATE SET version = EXCLUDED.version
$$;

CREATE FUNCTION participation_threads_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM participation_bump_threads(ARRAY['*']);
    RETURN NULL;
END $$;
"""

# Each covered table: how its changed rows (alias r) name their object.
OBJECT_OF_ROWS = {
    "django_comments": "SELECT r.content_type_id || ':' || r.object_pk FROM {rows} AS r",
    **{
        table: (
            "SELECT c.content_type_id || ':' || c.object_pk FROM {rows} AS r"
            f" JOIN django_comments AS c ON c.id = r.{column}"
        )
        for table, column in (
            ("django_comments_xtd_xtdcomment", "comment_ptr_id"),
            ("participation_comment", "xtdcomment_ptr_id"),
            ("participation_commentreaction", "comment_id"),
        )
    },
}

TRIGGERS = """
CREATE FUNCTION participation_threads_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM participation_bump_threads(ARRAY({new}));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM participation_bump_threads(ARRAY({old}));
    ELSE
        PERFORM participation_bump_threads(ARRAY({old} UNION ALL {new}));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER participation_threads_inserted AFTER INSERT ON {table}
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION participation_threads_{table}();
CREATE TRIGGER participation_threads_updated AFTER UPDATE ON {table}
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION participation_threads_{table}();
CREATE TRIGGER participation_threads_deleted AFTER DELETE ON {table}
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION participation_threads_{table}();
CREATE TRIGGER participation_threads_truncated AFTER TRUNCATE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION participation_threads_truncated();
"""

BACKWARD = """
DROP FUNCTION participation_threads_django_comments() CASCADE;
DROP FUNCTION participation_threads_django_comments_xtd_xtdcomment() CASCADE;
DROP FUNCTION participation_threads_participation_comment() CASCADE;
DROP FUNCTION participation_threads_participation_commentreaction() CASCADE;
DROP FUNCTION participation_threads_truncated() CASCADE;
DROP FUNCTION participation_bump_threads(text[]);
DROP TABLE participation_threadversion;
"""


def triggers(table, rows_sql):
    return TRIGGERS.format(
        table=table,
        old=rows_sql.format(rows="old_rows"),
        new=rows_sql.format(rows="new_rows"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0004_notification_visits"),
    ]

    operations = [
        migrations.RunSQL(
            FORWARD + "".join(triggers(t, rows) for t, rows in OBJECT_OF_ROWS.items()),
            BACKWARD,
        ),
    ]
