"""gunicorn configuration of a profiled load run (`bench/load.py --profile DIR`).

Each worker measures, from the moment the runner creates DIR/start (after the warm-up) :
- the CPU time of every request (`time.process_time` around it, a sync worker serves one
  request at a time), keyed by method and path;
- unless MAILLAGE_PROFILE_PYTHON is "0", every Python call under cProfile.
At exit (the runner stops gunicorn) the worker writes DIR/cpu-<pid>.json and
DIR/worker-<pid>.prof; the runner merges them. Loaded with `gunicorn -c`, never in
production.
"""

import cProfile
import json
import os
import time
from pathlib import Path

DIRECTORY = Path(os.environ["MAILLAGE_PROFILE_DIR"])
PYTHON = os.environ.get("MAILLAGE_PROFILE_PYTHON", "1") != "0"
state = {"profiler": None, "started": False, "cpu": {}, "request_cpu": 0.0}


def pre_request(worker, req):
    if not state["started"]:
        if not (DIRECTORY / "start").exists():
            return
        state["started"] = True
        if PYTHON:
            state["profiler"] = cProfile.Profile()
            state["profiler"].enable()
    state["request_cpu"] = time.process_time()


def post_request(worker, req, environ, resp):
    if not state["started"]:
        return
    spent = time.process_time() - state["request_cpu"]
    cookies = next((value for name, value in req.headers if name == "COOKIE"), "")
    key = f"{req.method} {req.uri} {'member' if 'sessionid=' in cookies else 'visitor'}"
    total, count = state["cpu"].get(key, (0.0, 0))
    state["cpu"][key] = (total + spent, count + 1)


def worker_exit(server, worker):
    if not state["started"]:
        return
    if state["profiler"] is not None:
        state["profiler"].disable()
        state["profiler"].dump_stats(DIRECTORY / f"worker-{os.getpid()}.prof")
    (DIRECTORY / f"cpu-{os.getpid()}.json").write_text(json.dumps(state["cpu"]))
