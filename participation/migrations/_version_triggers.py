"""The SQL of a table of versions kept by PostgreSQL triggers (migrations 0005 and 0006).

Not a migration (Django's loader skips modules whose name starts with "_"): both
migrations build their SQL here, so that the thread versions and the author versions stay
the same mechanism. ``rows_by_table`` says, for each covered table, how its changed rows
(alias r, in the transition table {rows}) name their key; the keys a statement changed get
a new random version, in key order, and a TRUNCATE gives one to the key "*". The SQL this
module writes must not change: 0005 and 0006 are applied as they were written.
"""

FORWARD = """
CREATE TABLE participation_{noun}version (
    key text PRIMARY KEY,
    version uuid NOT NULL
);

CREATE FUNCTION participation_bump_{plural}(keys text[]) RETURNS void LANGUAGE sql AS $$
    INSERT INTO participation_{noun}version (key, version)
    SELECT key, gen_random_uuid()
    FROM (SELECT DISTINCT unnest(keys) AS key) AS changed
    WHERE key IS NOT NULL
    ORDER BY key
    ON CONFLICT (key) DO UPDATE SET version = EXCLUDED.version
$$;

CREATE FUNCTION participation_{plural}_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM participation_bump_{plural}(ARRAY['*']);
    RETURN NULL;
END $$;
"""

TRIGGERS = """
CREATE FUNCTION participation_{plural}_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM participation_bump_{plural}(ARRAY({new}));
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM participation_bump_{plural}(ARRAY({old}));
    ELSE
        PERFORM participation_bump_{plural}(ARRAY({old} UNION ALL {new}));
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER participation_{plural}_inserted AFTER INSERT ON {table}
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION participation_{plural}_{table}();
CREATE TRIGGER participation_{plural}_updated AFTER UPDATE ON {table}
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION participation_{plural}_{table}();
CREATE TRIGGER participation_{plural}_deleted AFTER DELETE ON {table}
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION participation_{plural}_{table}();
CREATE TRIGGER participation_{plural}_truncated AFTER TRUNCATE ON {table}
    FOR EACH STATEMENT EXECUTE FUNCTION participation_{plural}_truncated();
"""


def joined_comment_rows(key_sql, tables):
    """How the rows of tables that point at a comment (table -> its comment column) name
    the key `key_sql` computes from that comment (alias c)."""
    return {
        table: f"SELECT {key_sql} FROM {{rows}} AS r JOIN django_comments AS c ON c.id = r.{column}"
        for table, column in tables
    }


def forward(noun, plural, rows_by_table):
    """CREATE the version table `participation_<noun>version`, its bump function and the
    triggers of every covered table."""
    sql = FORWARD.format(noun=noun, plural=plural)
    for table, rows_sql in rows_by_table.items():
        sql += TRIGGERS.format(
            plural=plural,
            table=table,
            old=rows_sql.format(rows="old_rows"),
            new=rows_sql.format(rows="new_rows"),
        )
    return sql


def backward(noun, plural, rows_by_table):
    """DROP what `forward` created."""
    drops = "".join(
        f"DROP FUNCTION participation_{plural}_{table}() CASCADE;\n" for table in rows_by_table
    )
    return (
        f"\n{drops}DROP FUNCTION participation_{plural}_truncated() CASCADE;\n"
        f"DROP FUNCTION participation_bump_{plural}(text[]);\n"
        f"DROP TABLE participation_{noun}version;\n"
    )
