"""CPU that every request pays, measured in-process through the WSGI application.

    MAILLAGE_VAR_DIR=var/bench .venv/bin/python bench/request_overhead.py [--repeat 200]
    ... bench/request_overhead.py --profile "hit /actualites/" [--top 40 --sort tottime]

Calls `maillage.wsgi.application` as gunicorn does (an environ, start_response, the body
iterated and closed), with the load settings (page cache on), and measures the CPU time
(`time.process_time`, so the other processes of a shared machine count less) of:
- an anonymous page-cache hit;
- a member asking for robots.txt (the middleware stack with a session, no template);
- a member asking for small pages (the stack, base.html's header and footer), and
  heavier ones (their cached values compete with the layout's for the process's memos).
Requests are taken in turn, one round asking each once; prints the median and p90 in
ms. `--profile NAME` runs that request under cProfile with a CPU timer instead. Not a
test: figures depend on the machine.
"""

import argparse
import cProfile
import io
import os
import pstats
import statistics
import sys
import time

import load_database  # noqa: E402, F401  (first: Django on the load database)
from django.conf import settings  # noqa: E402
from django.middleware.csrf import _get_new_csrf_string  # noqa: E402
from django.test import Client  # noqa: E402

from maillage.wsgi import application  # noqa: E402
from members.models import User  # noqa: E402

MEMBER = "claire.martin@exemple.fr"
REQUESTS = {
    "hit /actualites/": ("/actualites/", False),
    "hit /agenda/541/": ("/agenda/541/", False),
    "membre /robots.txt": ("/robots.txt", True),
    "membre /actualites/": ("/actualites/", True),
    "membre /ressources/": ("/ressources/", True),
    "membre /retours-experience/": ("/retours-experience/", True),
    "membre /contributions/proposer/ressource/": ("/contributions/proposer/ressource/", True),
    # Heavier pages, whose many cached values compete with the layout's in the memos.
    "membre /agenda/": ("/agenda/", True),
    "membre /propositions/2611/": ("/propositions/2611/", True),
    "membre /": ("/", True),
}


def member_cookie():
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(User.objects.get(email=MEMBER))
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    # A browser that has seen a page holds a CSRF cookie (the load runner's clients do).
    csrf = _get_new_csrf_string()
    return f"{settings.SESSION_COOKIE_NAME}={session}; {settings.CSRF_COOKIE_NAME}={csrf}"


def environ(path, cookie):
    path, _, query = path.partition("?")
    env = {
        "REQUEST_METHOD": "GET",
        "SCRIPT_NAME": "",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "8100",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_HOST": "127.0.0.1:8100",
        "HTTP_ACCEPT": "text/html",
        "HTTP_ACCEPT_ENCODING": "gzip",
        "HTTP_USER_AGENT": "request_overhead",
        "REMOTE_ADDR": "127.0.0.1",
        "wsgi.url_scheme": "http",
        "wsgi.input": io.BytesIO(b""),
        "wsgi.errors": sys.stderr,
        "wsgi.multithread": False,
        "wsgi.multiprocess": True,
        "wsgi.run_once": False,
        "wsgi.version": (1, 0),
    }
    if cookie:
        env["HTTP_COOKIE"] = cookie
    return env


def fetch(path, cookie):
    status = []
    response = application(environ(path, cookie), lambda s, headers, exc=None: status.append(s))
    try:
        size = sum(len(chunk) for chunk in response)
    finally:
        response.close()
    if not status[0].startswith("200"):
        raise SystemExit(f"{path}: {status[0]}")
    return size


def timed(path, cookie):
    started = time.process_time()
    fetch(path, cookie)
    return (time.process_time() - started) * 1000


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=200)
    parser.add_argument("--profile", default="", help="le nom d’une requête de la liste")
    parser.add_argument("--top", type=int, default=40)
    parser.add_argument("--sort", default="tottime", help="tottime ou cumulative")
    args = parser.parse_args()
    cookie = member_cookie()
    requests = {name: (path, cookie if member else "") for name, (path, member) in REQUESTS.items()}
    for _ in range(3):  # warm up: templates, connections, page and fragment caches
        for path, who in requests.values():
            fetch(path, who)
    if args.profile:
        path, who = requests[args.profile]
        profiler = cProfile.Profile(time.process_time)
        profiler.enable()
        for _ in range(args.repeat):
            fetch(path, who)
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(args.sort).print_stats(args.top)
        print(out.getvalue())
        return
    timings = {name: [] for name in requests}
    for _ in range(args.repeat):
        for name, (path, who) in requests.items():
            timings[name].append(timed(path, who))
    for name, values in timings.items():
        print(
            f"{name:45} médiane {statistics.median(values):6.2f} ms"
            f"  p90 {statistics.quantiles(values, n=10)[-1]:6.2f} ms"
        )
    print(f"charge moyenne : {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
