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

FORWARD = """
CREATE TABLE participation_authorversion (
    key text PRIMARY KEY,
    version uuid NOT NULL
);

CREATE FUNCTION participation_bump_authors(keys text[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO participation_authorversion (key, version)
    SELECT key, gen_random_uuid()
    FROM (SELECT DISTINCT unnest(keys) AS key) AS changed
    WHERE key IS NOT NULL
    ORDER BY key
    ON CONFLICT (key) DO UPDATE SET version = EXCLUDED.version
$$;

CREATE FUNCTION participation_authors_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM participation_bump_authors(ARRAY['*']);
    RETURN NULL;
END $$;
"""

# Each covered table: how its changed rows (alias r) name their author.
AUTHOR_OF_ROWS = {
    "django_comments": "SELECT r.user_id::text FROM {rows} AS r",
    **{
        table: (
            "SELECT c.user_id::text FROM {rows} AS r"
            f" JOIN django_comments AS c ON c.id = r.{column}"
        )
        for table, column in (
            ("django_comments_xtd_xtdcomment", "comment_ptr_id"),
            ("participation_comment", "xtdcomment_ptr_id"),
        )
    },
}

TRIGGERS = """
CREATE FUNCTION participation_authors_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM participation_bump_authors(ARRAY({new}));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM participation_bump_authors(ARRAY({old}));
    ELSE
        PERFORM participation_bump_authors(ARRAY({old} UNION ALL {new}));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER participation_authors_inserted AFTER INSERT ON {table}
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION participation_authors_{table}();
CREATE TRIGGER participation_authors_updated AFTER UPDATE ON {table}
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION participation_authors_{table}();
CREATE TRIGGER participation_authors_deleted AFTER DELETE ON {table}
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION participation_authors_{table}();
CREATE TRIGGER participation_authors_truncated AFTER TRUNCATE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION participation_authors_truncated();
"""

BACKWARD = """
DROP FUNCTION participation_authors_django_comments() CASCADE;
DROP FUNCTION participation_authors_django_comments_xtd_xtdcomment() CASCADE;
DROP FUNCTION participation_authors_participation_comment() CASCADE;
DROP FUNCTION participation_authors_truncated() CASCADE;
DROP FUNCTION participation_bump_authors(text[]);
DROP TABLE participation_authorversion;
"""


def triggers(table, rows_sql):
    return TRIGGERS.format(
        table=table,
        old=rows_sql.format(rows="old_rows"),
        new=rows_sql.format(rows="new_rows"),
    )


class Migration(migrations.Migration):
    dependencies = [
        ("participation", "0005_thread_versions"),
    ]

    operations = [
        migrations.RunSQL(
            FORWARD + "".join(triggers(t, rows) for t, rows in AUTHOR_OF_ROWS.items()),
            BACKWARD,
        ),
    ]
