"""What changed in the index since a cached search was computed, answerable by one cheap
query (see search.backends.postgres.IndexMark).

- Each match row written from now on carries the transaction that wrote it (``tx``) and a
  number from a sequence (``seq``); rows already there carry neither (they are older than
  any cached search). An index on ``tx`` finds the rows added since a search's snapshot.
- ``search_searchedit`` logs the transactions that UPDATE, DELETE or TRUNCATE entries or
  matches (statement triggers, which log only when a row was really changed, so that an
  INSERT ... ON CONFLICT DO UPDATE that inserted only logs nothing). Whoever logs an edit
  also deletes the log rows every running transaction sees (its own row stays, and it
  commits after those rows' transactions: a search that missed them misses its row too).

The columns and the log live outside Django's models: only raw SQL reads them, and the
writers never name them (their defaults fill them).
"""

from django.db import migrations

FORWARD = """
CREATE SEQUENCE search_change_seq;
ALTER TABLE search_searchmatch ADD COLUMN tx xid8, ADD COLUMN seq bigint;
ALTER TABLE search_searchmatch ALTER COLUMN tx SET DEFAULT pg_current_xact_id(),
    ALTER COLUMN seq SET DEFAULT nextval('search_change_seq');
CREATE INDEX search_match_tx ON search_searchmatch (tx) WHERE tx IS NOT NULL;
CREATE TABLE search_searchedit (
    seq bigint PRIMARY KEY DEFAULT nextval('search_change_seq'),
    tx xid8 NOT NULL DEFAULT pg_current_xact_id()
);
CREATE INDEX search_edit_tx ON search_searchedit (tx);

CREATE FUNCTION search_log_edit_now() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO search_searchedit DEFAULT VALUES;
    DELETE FROM search_searchedit WHERE seq IN (
        SELECT seq FROM search_searchedit
        WHERE tx < pg_snapshot_xmin(pg_current_snapshot()) AND tx <> pg_current_xact_id()
        FOR UPDATE SKIP LOCKED
    );
END $$;

CREATE FUNCTION search_log_edit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM search_log_edit_now();
    RETURN NULL;
END $$;

CREATE FUNCTION search_log_changed_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT FROM changed_rows) THEN
        PERFORM search_log_edit_now();
    END IF;
    RETURN NULL;
END $$;
"""

TRIGGERS = """
CREATE TRIGGER search_{table}_updated AFTER UPDATE ON search_{table}
    REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION search_log_changed_rows();
CREATE TRIGGER search_{table}_deleted AFTER DELETE ON search_{table}
    REFERENCING OLD TABLE AS changed_rows
    FOR EACH STATEMENT EXECUTE FUNCTION search_log_changed_rows();
CREATE TRIGGER search_{table}_truncated AFTER TRUNCATE ON search_{table}
    FOR EACH STATEMENT EXECUTE FUNCTION search_log_edit();
"""

BACKWARD = """
DROP TABLE search_searchedit;
DROP FUNCTION search_log_changed_rows() CASCADE;
DROP FUNCTION search_log_edit() CASCADE;
DROP FUNCTION search_log_edit_now();
DROP INDEX search_match_tx;
ALTER TABLE search_searchmatch DROP COLUMN tx, DROP COLUMN seq;
DROP SEQUENCE search_change_seq;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_entries_rewritten"),
    ]

    operations = [
        migrations.RunSQL(
            FORWARD + "".join(TRIGGERS.format(table=t) for t in ("searchentry", "searchmatch")),
            BACKWARD,
        ),
    ]
