"""Load run: serve Maillage as in production and measure each page under concurrency.

    .venv/bin/python bench/load.py --clients 20 --duration 60

Starts gunicorn (maillage.settings.load: production behaviour, DEBUG off, static files
through WhiteNoise, on the embedded PostgreSQL) on
127.0.0.1, asks `manage.py bench_targets` which pages to visit, then drives them with
`--clients` concurrent asyncio clients (HTTP/1.1 on asyncio streams, see `Browser`;
httpx with `--httpx`), half of them logged in, for `--duration`
seconds or `--max-requests` requests, whichever comes first. Loopback only.

Each client reads a page before asking for the next: `--think` seconds on average
(uniformly between half and one and a half times that; seeded). `--think 0` sends
requests back to back: the run then measures the server's capacity, and latency is
mostly the wait in the queue (20 clients / throughput).

Prints one row per page (requests, errors, p50/p95/p99 latency, requests per second,
SQL queries per request, share of anonymous-cache hits and their own p95) and writes the table as JSON
under bench/results/.

`--profile DIR` says where the server's time goes over the whole mix (the timed part
only, not the warm-up): each gunicorn worker measures the CPU of every request and runs
under cProfile (bench/gunicorn_profile.py; `--profile-sql-only` leaves cProfile out, whose
overhead inflates Python-heavy pages), and PostgreSQL counts every statement with
pg_stat_statements (loaded for the run, unloaded after: two restarts of the embedded
server). Prints the pages ranked by their share of server CPU (requests x CPU per
request), the functions by tottime and cumulative time, the statements by total time,
and keeps the merged profile (DIR/server.prof, for pstats or snakeviz) and the tables
(DIR/profile.txt).
"""

import argparse
import asyncio
import json
import os
import platform
import random
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from datetime import datetime
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import httpx
from server_profile import StatementStats, report_profile

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PYTHON = sys.executable


def server_env(port):
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="maillage.settings.load",
        DJANGO_STATIC_ROOT=str(ROOT / "var" / "bench-static"),
        WAGTAILADMIN_BASE_URL=f"http://127.0.0.1:{port}",
    )
    return env


def manage(env, *args):
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


def start_server(env, port, workers, threads=1, profile_dir=None):
    """gunicorn as in production: sync workers, or gthread workers of `threads` threads;
    with `profile_dir`, under bench/gunicorn_profile.py's hooks."""
    manage(env, "collectstatic", "--noinput", "-v0")
    threading = ["--worker-class", "gthread", "--threads", str(threads)] if threads > 1 else []
    if profile_dir is not None:
        threading += ["--config", str(ROOT / "bench" / "gunicorn_profile.py")]
    process = subprocess.Popen(
        [
            PYTHON,
            "-m",
            "gunicorn",
            "maillage.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            *threading,
            "--access-logfile",
            "/dev/null",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    deadline = time.monotonic() + 90  # a busy machine boots four Django slowly
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/robots.txt", timeout=1).status_code == 200:
                return process
        except httpx.HTTPError:
            time.sleep(0.3)
    process.terminate()
    raise SystemExit("gunicorn n’a pas démarré en 90 s")


async def log_in(client, email, password):
    await client.get("/comptes/login/")
    response = await client.post(
        "/comptes/login/",
        data={
            "login": email,
            "password": password,
            "csrfmiddlewaretoken": client.cookies.get("csrftoken", ""),
        },
        headers={"Referer": str(client.base_url) + "/comptes/login/"},
    )
    if "sessionid" not in client.cookies:
        raise SystemExit(f"connexion impossible pour {email} (HTTP {response.status_code})")


async def session_cookies(base_url, credentials):
    """One login for all the members' clients: allauth limits logins to 30 a minute per
    address, which back-to-back runs would exceed."""
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as client:
        await log_in(client, *credentials)
        return httpx.Cookies(client.cookies)


async def warm_up(base_url, targets, cookies, workers):
    """Each worker imports and compiles on its first requests: a production server is
    warm, so each page is asked for twice per worker, at once, before the clock starts."""
    async with httpx.AsyncClient(base_url=base_url, timeout=60, cookies=cookies) as member:
        async with httpx.AsyncClient(base_url=base_url, timeout=60) as visitor:
            for target in targets:
                if target.get("method", "GET") == "GET":
                    client = member if target.get("login") else visitor
                    await asyncio.gather(*(client.get(target["path"]) for _ in range(2 * workers)))


class Browser:
    """The timed requests' client: HTTP/1.1 on asyncio's streams, one connection per
    request (gunicorn's sync workers close each one), cookies kept by name, no redirect
    followed, the body read whole. httpx spent about 10 ms of CPU per request here, as
    much as rendering a page, on the two cores the server shares: at a hundred requests a
    second the runner would have measured itself. This one spends a fraction of a
    millisecond; login and warm-up, untimed, still go through httpx."""

    def __init__(self, base_url, cookies=None):
        address = urlsplit(base_url)
        self.host, self.port = address.hostname, address.port
        self.base_url = base_url
        self.cookies = dict(cookies or {})

    async def request(self, method, path, data=None, headers=None, timeout=30):
        body = urlencode(data).encode() if data else b""
        lines = [
            f"{method} {path} HTTP/1.1",
            f"Host: {self.host}:{self.port}",
            "Connection: close",
            "User-Agent: maillage-bench",
            *(f"{name}: {value}" for name, value in (headers or {}).items()),
        ]
        if self.cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        if method != "GET":
            lines += [
                "Content-Type: application/x-www-form-urlencoded",
                f"Content-Length: {len(body)}",
            ]
        return await asyncio.wait_for(self._exchange(lines, body), timeout)

    async def _exchange(self, lines, body):
        reader, writer = await asyncio.open_connection(self.host, self.port)
        try:
            writer.write(("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body)
            raw = await reader.read(-1)  # the server closes the connection
        finally:
            writer.close()
        head, _sep, _body = raw.partition(b"\r\n\r\n")
        status_line, *header_lines = head.decode("latin-1").split("\r\n")
        status = int(status_line.split(" ", 2)[1])
        headers = {}
        for line in header_lines:
            name, _colon, value = line.partition(":")
            name, value = name.strip().lower(), value.strip()
            if name == "set-cookie":
                self._keep_cookie(value)
            headers[name] = value
        return status, headers

    def _keep_cookie(self, header):
        pair, *attributes = header.split(";")
        name, _equals, value = pair.strip().partition("=")
        expired = any(a.strip().lower() in ("max-age=0",) for a in attributes)
        if expired or value in ("", '""'):
            self.cookies.pop(name, None)
        else:
            self.cookies[name] = value


class HttpxBrowser:
    """The former client (`--httpx`), to compare the runner's own cost."""

    def __init__(self, base_url, cookies=None):
        self.client = httpx.AsyncClient(
            base_url=base_url, timeout=30, follow_redirects=False, cookies=cookies
        )
        self.cookies = self.client.cookies

    async def request(self, method, path, data=None, headers=None):
        try:
            response = await self.client.request(method, path, data=data, headers=headers)
        except httpx.HTTPError as error:
            raise OSError(str(error)) from error
        return response.status_code, {k.lower(): v for k, v in response.headers.items()}


async def visitor(base_url, targets, stats, stop_at, budget, cookies, think, seed, use_httpx):
    logged_in = cookies is not None
    rng = random.Random(seed)
    if use_httpx:
        client = HttpxBrowser(base_url, httpx.Cookies(cookies))
    else:
        client = Browser(base_url, {c.name: c.value for c in cookies.jar} if cookies else None)
    mine = [t for t in targets if t.get("login", False) == logged_in or not t.get("login")]
    index = rng.randrange(len(mine))
    while time.monotonic() < stop_at and budget["left"] > 0:
        budget["left"] -= 1
        target = mine[index % len(mine)]
        index += 1
        data = dict(target.get("data") or {})
        method = target.get("method", "GET")
        headers = {}
        if method != "GET":
            data["csrfmiddlewaretoken"] = client.cookies.get("csrftoken", "")
            headers["Referer"] = base_url + target["path"]
        started = time.perf_counter()
        try:
            status, response_headers = await client.request(
                method, target["path"], data=data or None, headers=headers
            )
            ok = status < 400
            queries = int(response_headers.get("x-query-count", "0"))
            hit = response_headers.get("x-page-cache") == "hit"
        except (OSError, ValueError, IndexError):  # TimeoutError is an OSError
            ok, queries, hit = False, 0, False
        elapsed = (time.perf_counter() - started) * 1000
        row = stats[target["name"]]
        row["latencies"].append(elapsed)
        row["errors"] += 0 if ok else 1
        row["queries"].append(queries)
        row["hits"] += hit
        if hit:
            row["hit_latencies"].append(elapsed)
        if think:
            await asyncio.sleep(rng.uniform(think / 2, think * 1.5))


CLOCK_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def process_tree_cpu(root_pid):
    """CPU seconds (user + system) used so far by `root_pid` and its live children, read
    from /proc (Linux); None elsewhere."""
    proc = Path("/proc")
    if not (proc / str(root_pid)).exists():
        return None
    parents = {}
    for entry in proc.iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            # utime, stime, and cutime, cstime: the children that exited (PostgreSQL's
            # backends of closed connections) are counted in their parent.
            parents[int(entry.name)] = (int(fields[1]), sum(int(f) for f in fields[11:15]))
    tree, total = {root_pid}, 0
    for _ in range(4):  # gunicorn master, workers; postmaster, backends
        tree |= {pid for pid, (ppid, _ticks) in parents.items() if ppid in tree}
    for pid in tree:
        total += parents.get(pid, (0, 0))[1]
    return total / CLOCK_TICKS


def postgres_pid(env):
    """The embedded PostgreSQL's postmaster for this run's MAILLAGE_VAR_DIR, if running."""
    var_dir = Path(env.get("MAILLAGE_VAR_DIR", ROOT / "var"))
    if not var_dir.is_absolute():
        var_dir = ROOT / var_dir
    try:
        return int((var_dir / "postgres" / "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def cpu_snapshot(server_pid, database_pid):
    """CPU seconds so far of the server (gunicorn and its workers), PostgreSQL and this
    load runner: where the two cores went during the run."""
    times = os.times()
    return {
        "server": process_tree_cpu(server_pid),
        "postgres": process_tree_cpu(database_pid) if database_pid else None,
        "client": times.user + times.system,
    }


def cpu_per_request(before, after, requests):
    """Milliseconds of CPU per request for each side (None where unknown)."""
    return {
        side: (
            round((after[side] - before[side]) * 1000 / requests, 2)
            if requests and before[side] is not None and after[side] is not None
            else None
        )
        for side in before
    }


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def summarise(stats, duration):
    """One row per page, then "ensemble" over all of them."""
    overall = {
        "latencies": [v for row in stats.values() for v in row["latencies"]],
        "errors": sum(row["errors"] for row in stats.values()),
        "queries": [v for row in stats.values() for v in row["queries"]],
        "hits": sum(row["hits"] for row in stats.values()),
        "hit_latencies": [v for row in stats.values() for v in row["hit_latencies"]],
    }
    table = []
    for name, row in [*sorted(stats.items()), ("ensemble", overall)]:
        latencies = row["latencies"]
        table.append(
            {
                "page": name,
                "requests": len(latencies),
                "errors": row["errors"],
                "p50_ms": round(percentile(latencies, 0.50), 1),
                "p95_ms": round(percentile(latencies, 0.95), 1),
                "p99_ms": round(percentile(latencies, 0.99), 1),
                "rps": round(len(latencies) / duration, 1),
                "queries": round(statistics.mean(row["queries"]), 1),
                "cache_hits": round(row["hits"] / len(latencies), 2),
                "cached_p95_ms": (
                    round(percentile(row["hit_latencies"], 0.95), 1)
                    if row["hit_latencies"]
                    else None
                ),
            }
        )
    return table


def print_table(table):
    header = (
        f"{'page':<32} {'req':>6} {'err':>4} {'p50':>7} {'p95':>7} {'p99':>7} {'req/s':>7} "
        f"{'SQL':>5} {'cache':>5} {'p95 cache':>9}"
    )
    print(header)
    print("-" * len(header))
    for r in table:
        if r["page"] == "ensemble":
            print("-" * len(header))
        print(
            f"{r['page'][:32]:<32} {r['requests']:>6} {r['errors']:>4} {r['p50_ms']:>7} "
            f"{r['p95_ms']:>7} {r['p99_ms']:>7} {r['rps']:>7} {r['queries']:>5} "
            f"{r['cache_hits']:>5.0%} {r['cached_p95_ms'] if r['cached_p95_ms'] is not None else '—':>9}"
        )


def machine():
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        for line in cpuinfo.read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version()}


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--duration", type=float, default=30, help="secondes (au plus 600)")
    parser.add_argument("--max-requests", type=int, default=50_000)
    parser.add_argument(
        "--think", type=float, default=1.0, help="temps de lecture moyen en secondes (0 : aucun)"
    )
    parser.add_argument("--port", type=int, default=8100)
    parser.add_argument(
        "--workers",
        type=int,
        default=(os.cpu_count() or 1) * 2,
        help="processus gunicorn (défaut : 2 par cœur, comme la section « Déployer »)",
    )
    parser.add_argument(
        "--threads", type=int, default=1, help="fils par processus (gthread au-delà de 1)"
    )
    parser.add_argument("--email", default="claire.martin@exemple.fr")
    parser.add_argument("--password", default="maillage-demo")
    parser.add_argument("--label", default="", help="étiquette du fichier de résultats")
    parser.add_argument(
        "--httpx", action="store_true", help="requêtes mesurées par httpx (client plus coûteux)"
    )
    parser.add_argument(
        "--profile",
        type=Path,
        metavar="DIR",
        help="profil du serveur (CPU par page, cProfile, pg_stat_statements) écrit dans DIR",
    )
    parser.add_argument(
        "--profile-sql-only",
        action="store_true",
        help="avec --profile : CPU par page et PostgreSQL seulement, sans cProfile",
    )
    args = parser.parse_args()
    duration = min(args.duration, 600)

    env = server_env(args.port)
    targets = json.loads(manage(env, "bench_targets"))
    statements = None
    if args.profile:
        args.profile = args.profile.resolve()
        args.profile.mkdir(parents=True, exist_ok=True)
        for old in [
            *args.profile.glob("cpu-*.json"),
            *args.profile.glob("worker-*.prof"),
            args.profile / "start",
        ]:
            old.unlink(missing_ok=True)
        env.update(
            MAILLAGE_PROFILE_DIR=str(args.profile),
            MAILLAGE_PROFILE_PYTHON="0" if args.profile_sql_only else "1",
        )
        statements = StatementStats(env)
        statements.load()
    server = start_server(env, args.port, args.workers, args.threads, args.profile)
    base_url = f"http://127.0.0.1:{args.port}"
    stats = defaultdict(
        lambda: {"latencies": [], "errors": 0, "queries": [], "hits": 0, "hit_latencies": []}
    )
    budget = {"left": args.max_requests}

    cpu = {}

    async def run():
        member = await session_cookies(base_url, (args.email, args.password))
        await warm_up(base_url, targets, member, args.workers)
        if statements:
            statements.reset()
            (args.profile / "start").touch()
        cpu["before"] = cpu_snapshot(server.pid, postgres_pid(env))
        started = time.monotonic()
        stop_at = started + duration
        await asyncio.gather(
            *(
                visitor(
                    base_url,
                    targets,
                    stats,
                    stop_at,
                    budget,
                    member if n % 2 else None,
                    args.think,
                    seed=n,
                    use_httpx=args.httpx,
                )
                for n in range(args.clients)
            )
        )
        elapsed = time.monotonic() - started
        cpu["after"] = cpu_snapshot(server.pid, postgres_pid(env))
        if statements:
            cpu["statements"] = statements.read()
        return elapsed

    try:
        elapsed = asyncio.run(run())
    finally:
        server.terminate()
        server.wait(timeout=60)
        if statements:
            statements.unload()

    table = summarise(stats, elapsed)
    print_table(table)
    requests = table[-1]["requests"]
    cpu_ms = cpu_per_request(cpu["before"], cpu["after"], requests)
    load_average = os.getloadavg()
    print(
        "\nCPU par requête (ms) : "
        + ", ".join(f"{side} {ms if ms is not None else '—'}" for side, ms in cpu_ms.items())
        + f" ; charge moyenne de la machine à la fin : {load_average[0]:.1f}"
    )
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    out = RESULTS / f"load-{stamp}{'-' + args.label if args.label else ''}.json"
    out.write_text(
        json.dumps(
            {
                "date": datetime.now().isoformat(timespec="seconds"),
                "machine": machine(),
                "clients": args.clients,
                "think_s": args.think,
                "duration_s": round(elapsed, 1),
                "workers": args.workers,
                "threads": args.threads,
                "client": "httpx" if args.httpx else "asyncio-streams",
                "cpu_ms_per_request": cpu_ms,
                "load_average": [round(value, 2) for value in load_average],
                "pages": table,
            },
            ensure_ascii=False,
            indent=1,
        )
    )
    print(f"\nRésultats : {out.relative_to(ROOT)}")
    if args.profile:
        report_profile(args.profile, targets, cpu.get("statements"))


if __name__ == "__main__":
    main()
