"""The test databases, made by copying one migrated template instead of migrating each.

Migrating an empty database replays about 250 migrations (a minute of the two cores);
every pytest process (pytest-xdist runs two) used to do it at the start of each run. Now
the first process to need a database migrates a template once, and every process gets
its own database as a PostgreSQL copy of it (`CREATE DATABASE ... TEMPLATE`, about a
second). The template's name carries a hash of every migration file and of the installed
packages' versions, so a new migration or an upgrade builds a new template, and a run
whose migrations did not change reuses the previous one. Nobody ever connects to a
template, which is what PostgreSQL requires of a database it copies."""

import functools
import hashlib
import os
import shutil
import subprocess
import sys
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from urllib.parse import quote

import psycopg
from django.conf import settings
from django.db.migrations.loader import MigrationLoader
from psycopg import sql

ROOT = Path(settings.BASE_DIR)
PREFIX = "test_maillage_tpl" + os.environ.get("MAILLAGE_TEST_DB_SUFFIX", "")
# Any fixed number: the advisory lock that lets one process build the template at a time.
LOCK = 7_246_150_213
DEMO_LOCK = LOCK + 1  # the demo's template, seeded without keeping the others waiting


def _server():
    database = settings.DATABASES["default"]
    # The embedded server's socket folder and port come as options, a real server's as fields.
    return {
        "host": database["OPTIONS"].get("host") or database["HOST"],
        "port": database["OPTIONS"].get("port") or database["PORT"] or 5432,
        "user": database["USER"],
        "password": database["PASSWORD"] or None,
    }


@contextmanager
def server_connection():
    """A connection to the server's `postgres` database, to create and drop databases."""
    with psycopg.connect(**_server(), dbname="postgres", autocommit=True) as connection:
        yield connection


def url_for(name):
    """The DATABASE_URL of database `name` on the test server, for a subprocess."""
    server = _server()
    credentials = quote(server["user"], safe="")
    if server["password"]:
        credentials += ":" + quote(server["password"], safe="")
    return f"postgresql://{credentials}@/{name}?host={quote(str(server['host']))}&port={server['port']}"


def drop(connection, name):
    connection.execute(
        sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
    )


def copy(connection, name, template):
    """Database `name` (dropped first if it exists) as a PostgreSQL copy of `template`."""
    drop(connection, name)
    connection.execute(
        sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
            sql.Identifier(name), sql.Identifier(template)
        )
    )


@functools.cache
def _fingerprint():
    """Changes with any migration file's text or any installed package's version."""
    digest = hashlib.blake2b(digest_size=6)
    loader = MigrationLoader(None, ignore_no_migrations=True)
    for key in sorted(loader.disk_migrations):
        module = sys.modules[loader.disk_migrations[key].__module__]
        digest.update(repr(key).encode())
        digest.update(Path(module.__file__).read_bytes())
    versions = sorted(f"{dist.name}=={dist.version}" for dist in metadata.distributions())
    digest.update("\n".join(versions).encode())
    return digest.hexdigest()


def _existing(connection, pattern):
    rows = connection.execute(
        "SELECT datname FROM pg_database WHERE datname LIKE %s", [pattern]
    ).fetchall()
    return {row[0] for row in rows}


def _build(connection, template):
    """Migrate a database under a temporary name, renamed only once complete: a run
    stopped half-way leaves no template that looks finished."""
    building = template + "_building"
    drop(connection, building)
    connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(building)))
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "--run-syncdb"],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "maillage.settings.test",
            "DATABASE_URL": url_for(building),
        },
        capture_output=True,
        text=True,
        timeout=900,
    )
    if result.returncode != 0:
        drop(connection, building)
        raise RuntimeError(f"migration du gabarit de test impossible :\n{result.stderr}")
    connection.execute(
        sql.SQL("ALTER DATABASE {} RENAME TO {}").format(
            sql.Identifier(building), sql.Identifier(template)
        )
    )
    # Templates of earlier migrations are of no further use.
    for old in _existing(connection, PREFIX + "\\_%") - {template}:
        drop(connection, old)


def migrated_template():
    return f"{PREFIX}_{_fingerprint()}"


def copy_migrated_template(name):
    """Database `name` (dropped first if it exists) as a copy of the migrated template."""
    template = migrated_template()
    with server_connection() as connection:
        connection.execute("SELECT pg_advisory_lock(%s)", [LOCK])
        try:
            if template not in _existing(connection, template):
                _build(connection, template)
            copy(connection, name, template)
        finally:
            connection.execute("SELECT pg_advisory_unlock(%s)", [LOCK])


# --- The demo content, seeded once a day into a second template ------------------------
DEMO_PREFIX = "test_maillage_demo" + os.environ.get("MAILLAGE_TEST_DB_SUFFIX", "")
DEMO_FILES = Path(settings.VAR_DIR) / "test-demo-files"
# What cannot change the demo's rows: the tests, the load scripts and their results, the
# documentation, the style sheets and scripts the browser loads (the `static` folders: no
# Python code reads them, so seeding cannot either), and what git, the tools (ruff's cache:
# `make test` runs ruff first) and runs leave behind; hidden folders are left out too.
# Editing the README or a style sheet thus does not cost a new demo (about 40 s of a core).
NOT_SOURCE = {
    "var",
    "tests",
    "bench",
    "static",
    "__pycache__",
    "build",
    "dist",
    "static_collected",
}
NOT_SOURCE_SUFFIXES = (".md",)


def _source_fingerprint():
    """Changes with the text of any file of the project outside tests/ (code, data files,
    templates): any of them may change what `seed_demo` writes."""
    digest = hashlib.blake2b(digest_size=6)
    for folder, subfolders, files in os.walk(ROOT):
        subfolders[:] = sorted(
            name
            for name in subfolders
            if name not in NOT_SOURCE
            and not name.startswith(".")
            and not name.endswith(".egg-info")
        )
        for name in sorted(files):
            if name.endswith(NOT_SOURCE_SUFFIXES):
                continue
            path = Path(folder, name)
            digest.update(str(path.relative_to(ROOT)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def demo_template_name(today):
    """The demo's template: a new one for new migrations or packages (the migrated
    template's name), new project code, or a new day (the demo's dates count from today)."""
    digest = hashlib.blake2b(digest_size=6)
    digest.update(f"{migrated_template()}|{_source_fingerprint()}|{today}".encode())
    return f"{DEMO_PREFIX}_{digest.hexdigest()}"


def demo_files(template):
    """The media and private folders the demo's rows point to, kept with its template."""
    return DEMO_FILES / template / "media", DEMO_FILES / template / "private"


def copy_demo_template(name, template, seed):
    """Database `name` as a copy of the demo template, which `seed(database_name)` fills
    first if it does not exist yet (a copy of the migrated template, renamed once seeded),
    while other processes that need the demo wait on its lock, and the others go on."""
    media, private = demo_files(template)
    with server_connection() as connection:
        connection.execute("SELECT pg_advisory_lock(%s)", [DEMO_LOCK])
        try:
            if template not in _existing(connection, template) or not media.is_dir():
                building = template + "_building"
                drop(connection, template)
                drop(connection, building)
                shutil.rmtree(DEMO_FILES / template, ignore_errors=True)
                connection.execute("SELECT pg_advisory_lock(%s)", [LOCK])
                try:
                    copy(connection, building, migrated_template())
                finally:
                    connection.execute("SELECT pg_advisory_unlock(%s)", [LOCK])
                seed(building)
                connection.execute(
                    sql.SQL("ALTER DATABASE {} RENAME TO {}").format(
                        sql.Identifier(building), sql.Identifier(template)
                    )
                )
                for old in _existing(connection, DEMO_PREFIX + "\\_%") - {template}:
                    drop(connection, old)
                    shutil.rmtree(DEMO_FILES / old, ignore_errors=True)
            copy(connection, name, template)
        finally:
            connection.execute("SELECT pg_advisory_unlock(%s)", [DEMO_LOCK])


# --- What a flush wipes, put back by PostgreSQL -----------------------------------------
SNAPSHOT = "reference_copy"


def _snapshot_tables(connection):
    rows = connection.execute(
        "SELECT tablename FROM pg_tables WHERE schemaname = %s ORDER BY tablename", [SNAPSHOT]
    ).fetchall()
    return [row[0] for row in rows]


def keep_reference_copy(name, tables):
    """Copy the rows of `tables` of database `name` into its schema `reference_copy`
    (only the tables that have rows), unless it was done already."""
    with psycopg.connect(**_server(), dbname=name, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_namespace WHERE nspname = %s", [SNAPSHOT]
        ).fetchone()
        if exists:
            return
        with connection.transaction():
            connection.execute(sql.SQL("CREATE SCHEMA {}").format(sql.Identifier(SNAPSHOT)))
            for table in sorted(tables):
                source = sql.Identifier("public", table)
                query = sql.SQL("SELECT EXISTS (SELECT 1 FROM {})").format(source)
                if connection.execute(query).fetchone()[0]:
                    connection.execute(
                        sql.SQL("CREATE TABLE {} AS TABLE {}").format(
                            sql.Identifier(SNAPSHOT, table), source
                        )
                    )


def _columns(connection, tables):
    """The columns of each table that take a value (not computed ones), in their order."""
    rows = connection.execute(
        """
        SELECT c.relname, array_agg(a.attname::text ORDER BY a.attnum)
        FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relname = ANY(%s)
          AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
        GROUP BY c.relname
        """,
        [tables],
    ).fetchall()
    return dict(rows)


def restore_reference_copy(name):
    """Fill the copied tables of database `name` back from the copy, in one transaction
    (Django's foreign keys are checked at its commit). After a flush they are empty; if
    the flush did not happen (a test stopped before its database was set up), the rows
    still there collide and the tables are emptied first."""
    with psycopg.connect(**_server(), dbname=name) as connection:
        tables = _snapshot_tables(connection)
        if not tables:
            return
        try:
            _fill(connection, tables)
            connection.commit()
        except psycopg.errors.IntegrityError:
            connection.rollback()
            connection.execute(
                sql.SQL("TRUNCATE {} CASCADE").format(
                    sql.SQL(", ").join(sql.Identifier("public", table) for table in tables)
                )
            )
            _fill(connection, tables)
            connection.commit()


def _fill(connection, tables):
    for table, columns in _columns(connection, tables).items():
        names = sql.SQL(", ").join(map(sql.Identifier, columns))
        connection.execute(
            sql.SQL("INSERT INTO {} ({}) OVERRIDING SYSTEM VALUE SELECT {} FROM {}").format(
                sql.Identifier("public", table), names, names, sql.Identifier(SNAPSHOT, table)
            )
        )
