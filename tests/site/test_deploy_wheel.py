"""The README's "Déployer" recipe, run for real: build the wheel from the checkout, install it
into a fresh virtual environment outside the checkout, then with production settings
`maillage migrate`, `collectstatic`, `check --deploy`, the task worker, and gunicorn serving
the home page and its static files from a dedicated PostgreSQL database.

The new environment sees the development environment's installed dependencies (a `.pth`
line) so that nothing is downloaded, but imports Maillage only from the wheel.

Its database is a copy of the test template, which the same migrations (byte for byte:
checked below) built from an empty database with `migrate`; `maillage migrate` from the
wheel then loads their whole graph under production settings, runs what follows a
migration (content types, permissions) and must find nothing left to apply. Replaying
some 270 migrations here took most of the test's minute."""

import os
import re
import shutil
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest
from django.conf import settings

from tests.databases import copy_migrated_template, drop, server_connection, url_for

pytestmark = pytest.mark.deploy

ROOT = Path(settings.BASE_DIR)
NOT_SHIPPED = shutil.ignore_patterns(
    ".git", ".venv", "var", "build", "dist", "*.egg-info", "__pycache__", "static_collected"
)
DATABASE = "maillage_wheel" + os.environ.get("MAILLAGE_TEST_DB_SUFFIX", "")


def _run(*command, cwd, env=None, timeout=300):
    result = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, f"{command}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def _start(*commands, cwd, env):
    return [
        (
            command,
            subprocess.Popen(
                command,
                cwd=cwd,
                env=env,
                stdout=subprocess.PIPE,
                stderr=subprocess.PIPE,
                text=True,
            ),
        )
        for command in commands
    ]


def _finish(started):
    for command, process in started:
        stdout, stderr = process.communicate(timeout=300)
        assert process.returncode == 0, f"{command}\n{stdout}\n{stderr}"
        if command[1] == "check":
            assert "no issues" in stdout
        if command[1] == "migrate":
            assert "No migrations to apply." in stdout


def _build_wheel(tmp_path):
    """From a copy of the checkout, so that a stale build/ folder cannot slip into it."""
    source = tmp_path / "source"
    shutil.copytree(ROOT, source, ignore=NOT_SHIPPED)
    _run(
        sys.executable,
        "-m",
        "pip",
        "wheel",
        "--no-deps",
        "--no-build-isolation",
        "-q",
        "-w",
        tmp_path,
        source,
        cwd=tmp_path,
    )
    (wheel,) = tmp_path.glob("maillage-*.whl")
    return wheel


def _checkout_migrations():
    """Every migration file of the checkout, named as in the wheel (`site/` is `maillage/`)."""
    found = {}
    for top in ROOT.iterdir():
        if not top.is_dir() or top.name.startswith(".") or top.name in {"var", "build", "tests"}:
            continue
        for path in top.glob("**/migrations/*.py"):
            relative = path.relative_to(ROOT)
            if relative.parts[0] == "site":
                relative = Path("maillage", *relative.parts[1:])
            found[relative.as_posix()] = path.read_bytes()
    return found


def _install(wheel, tmp_path):
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", venv, cwd=tmp_path)
    python = venv / "bin" / "python"
    purelib = _run(
        python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=tmp_path
    )
    # Dependencies come from the development environment, after the wheel's own packages.
    Path(purelib.strip(), "dev-dependencies.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n"
    )
    # --no-compile: the commands below compile what they import; byte-compiling every file
    # of the wheel first was CPU spent on modules no step loads.
    _run(
        python,
        "-m",
        "pip",
        "install",
        "-q",
        "--no-deps",
        "--no-compile",
        "--ignore-installed",
        wheel,
        cwd=tmp_path,
    )
    return venv


@pytest.fixture
def database(request):
    """A database of its own on the test PostgreSQL server, a copy of the migrated template
    (made by `django_db_setup`), dropped afterwards. The test asks for it only once the
    wheel is installed: in a fresh checkout, the other pytest process is migrating the
    template meanwhile (see `_running_order` in tests/conftest.py)."""

    def make():
        request.getfixturevalue("django_db_setup")
        copy_migrated_template(DATABASE)
        request.addfinalizer(_drop)

    return make


def _drop():
    with server_connection() as server:
        drop(server, DATABASE)


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _get(url, **headers):
    """As the reverse proxy asks: plain HTTP on the loopback, HTTPS announced in a header."""
    request = urllib.request.Request(url, headers={"X-Forwarded-Proto": "https", **headers})
    with urllib.request.urlopen(request, timeout=60) as response:
        return response.status, response.read().decode(errors="replace"), response.headers


def _serve(venv, env, cwd):
    port = _free_port()
    server = subprocess.Popen(
        [
            venv / "bin" / "python",
            "-m",
            "gunicorn",
            "maillage.wsgi",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
        ],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return server, f"http://127.0.0.1:{port}"
        except OSError:
            assert server.poll() is None, server.stderr.read()
            time.sleep(0.3)
    server.terminate()
    pytest.fail("gunicorn n’a pas démarré en 60 s")


def test_wheel_installs_outside_the_checkout_and_serves_the_home_page(tmp_path, database):
    wheel = _build_wheel(tmp_path)
    names = zipfile.ZipFile(wheel).namelist()
    for shipped in [
        "maillage/settings/production.py",
        "maillage/templates/base.html",
        "maillage/static/css/maillage.css",
        "home/migrations/0001_initial.py",
        "taxonomy/data/territoires.json",
        "devtools/demo/data/proposals/proposals.json",
        "devtools/data/french_corpus.json",
        "devtools/management/commands/seed_demo.py",
    ]:
        assert shipped in names
    assert not [name for name in names if name.startswith(("tests/", "bench/", "site/"))]
    # The very migrations that built the template the test database is copied from.
    with zipfile.ZipFile(wheel) as archive:
        shipped_migrations = {
            name: archive.read(name)
            for name in names
            if re.fullmatch(r"[a-z_]+(/[a-z_]+)*/migrations/\w+\.py", name)
        }
    assert shipped_migrations == _checkout_migrations()
    print(f"\nwheel : {len(names)} fichiers")  # noqa: T201 -- the figure the README quotes

    venv = _install(wheel, tmp_path)
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    found = _run(
        venv / "bin" / "python", "-c", "import maillage; print(maillage.__file__)", cwd=run_dir
    )
    assert Path(found.strip()).is_relative_to(venv)

    env = {
        "PATH": os.environ["PATH"],
        "DJANGO_SECRET_KEY": "wheel-test-secret-" + "k" * 50,
        "DATABASE_URL": url_for(DATABASE),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "MAILLAGE_VAR_DIR": str(tmp_path / "var"),
        "DJANGO_STATIC_ROOT": str(tmp_path / "static"),
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
    }
    maillage = venv / "bin" / "maillage"  # the console script: production settings by default
    # Steps that do not depend on each other run side by side, as in the recipe's order;
    # collectstatic and check --deploy read no table: they start before the database exists.
    without_database = _start(
        [maillage, "collectstatic", "--noinput", "-v0"],
        [maillage, "check", "--deploy", "--fail-level", "WARNING"],
        cwd=run_dir,
        env=env,
    )
    database()
    _finish([*_start([maillage, "migrate", "--noinput"], cwd=run_dir, env=env), *without_database])
    worker = subprocess.Popen(
        [maillage, "db_worker", "--batch", "--no-startup-delay"],
        cwd=run_dir,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    server, base_url = _serve(venv, env, run_dir)
    try:
        status, html, _ = _get(base_url + "/")
        assert status == 200
        assert re.search(r"<title>[^<]*· Maillage</title>", html)
        stylesheet = re.search(r'href="(/static/css/maillage\.[0-9a-f]{12}\.css)"', html)
        assert stylesheet, "la feuille de style doit venir du manifeste de collectstatic"
        # Compressed, and cached for a year at least: its name changes with its content.
        status, _, headers = _get(base_url + stylesheet.group(1), **{"Accept-Encoding": "gzip"})
        assert status == 200 and headers["Content-Encoding"] == "gzip"
        max_age = re.search(r"max-age=(\d+)", headers["Cache-Control"])
        assert int(max_age.group(1)) >= 365 * 24 * 3600 and "immutable" in headers["Cache-Control"]
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert worker.wait(timeout=120) == 0
