"""The test databases, made by copying one migrated template instead of migrating each.

Migrating an empty database replays about 250 migrations (a minute of the two cores);
every pytest process (pytest-xdist runs two) used to do it at the start of each run. Now
the first process to need a database migrates a template once, and every process gets
its own database as a PostgreSQL copy of it (`CREATE DATABASE ... TEMPLATE`, about a
second). The template's name carries a hash of every migration file and of the installed
packages' versions, so a new migration or an upgrade builds a new template, and a run
whose migrations did not change reuses the previous one. Nobody ever connects to a
template, which is what PostgreSQL requires of a database it copies."""

import hashlib
import os
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


def copy_migrated_template(name):
    """Database `name` (dropped first if it exists) as a copy of the migrated template."""
    template = f"{PREFIX}_{_fingerprint()}"
    with server_connection() as connection:
        connection.execute("SELECT pg_advisory_lock(%s)", [LOCK])
        try:
            if template not in _existing(connection, template):
                _build(connection, template)
            drop(connection, name)
            connection.execute(
                sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(
                    sql.Identifier(name), sql.Identifier(template)
                )
            )
        finally:
            connection.execute("SELECT pg_advisory_unlock(%s)", [LOCK])
