"""Production settings read everything from the environment and stop at start-up, with one
French line naming the variable, when a value cannot be read; they never start the
embedded PostgreSQL of development."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

from maillage import release

ROOT = Path(settings.BASE_DIR)
SECRET = "x" * 60 + "-production-like-secret-key"
# A well-formed URL that is never connected to: `check` without --database reads no table.
UNUSED_DATABASE = "postgresql://maillage:secret@db.maillage.invalid:5432/maillage"


def _manage(tmp_path, *args, **env):
    """manage.py with production settings and only the variables given (plus PATH)."""
    return _python(tmp_path, "manage.py", *args, **env)


def _python(tmp_path, *args, **env):
    """Python, in the checkout, with production settings and only the variables given."""
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env={
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "maillage.settings.production",
            "MAILLAGE_VAR_DIR": str(tmp_path / "var"),
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def _assert_stopped_with_one_line(result, *words):
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0]


def test_missing_database_url_stops_with_one_french_line(tmp_path):
    result = _manage(tmp_path, "check", DJANGO_SECRET_KEY=SECRET)

    _assert_stopped_with_one_line(result, "DATABASE_URL", "obligatoire")
    # No embedded PostgreSQL was started in its place.
    assert not (tmp_path / "var").exists()


def test_missing_secret_key_stops_with_one_french_line(tmp_path):
    result = _manage(tmp_path, "check", DATABASE_URL=UNUSED_DATABASE)

    _assert_stopped_with_one_line(result, "DJANGO_SECRET_KEY", "obligatoire")


def test_empty_secret_key_counts_as_missing(tmp_path):
    result = _manage(tmp_path, "check", DATABASE_URL=UNUSED_DATABASE, DJANGO_SECRET_KEY="  ")

    _assert_stopped_with_one_line(result, "DJANGO_SECRET_KEY", "obligatoire")


@pytest.mark.parametrize(
    "url",
    [
        "pas-une-url",
        "postgres://maillage:secret@db.example:pas-un-port/maillage",
        "mysql://maillage:secret@db.example/maillage",
        "postgresql://maillage:secret@db.example/",
    ],
)
def test_malformed_database_url_stops_with_one_line_that_hides_the_password(tmp_path, url):
    result = _manage(tmp_path, "check", DJANGO_SECRET_KEY=SECRET, DATABASE_URL=url)

    _assert_stopped_with_one_line(result, "DATABASE_URL", "mal formée")
    assert "secret" not in result.stderr
    assert not (tmp_path / "var").exists()


def test_production_settings_pass_check_deploy(tmp_path):
    result = _manage(
        tmp_path,
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SECRET_KEY=SECRET,
        DATABASE_URL=UNUSED_DATABASE,
        DJANGO_ALLOWED_HOSTS="maillage.example.org",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.fixture(scope="module")
def production_settings(tmp_path_factory):
    """The cache backend, its key prefix and the installed applications that the production
    settings give (with REDIS_URL set, which changes only the cache), read by one process
    for these tests: it reads the settings without starting Django's applications."""
    code = (
        "from django.conf import settings; cache = settings.CACHES['default']; "
        "print(cache['KEY_PREFIX']); print(cache['BACKEND']); "
        "print(','.join(settings.INSTALLED_APPS))"
    )
    result = _python(
        tmp_path_factory.mktemp("production"),
        "-c",
        code,
        DJANGO_SECRET_KEY=SECRET,
        DATABASE_URL=UNUSED_DATABASE,
        REDIS_URL="redis://cache.maillage.invalid:6379/0",
    )
    assert result.returncode == 0, result.stderr
    prefix, backend, apps = result.stdout.strip().splitlines()[-3:]
    return {"prefix": prefix, "cache": backend, "apps": apps.split(",")}


def test_cache_keys_carry_the_release(production_settings):
    """A deploy starts on fresh keys: exact-cache fragments expire on writes, not on code."""
    assert production_settings["prefix"] == release.fingerprint()


def test_redis_url_switches_the_shared_cache_to_redis(production_settings):
    assert production_settings["cache"] == "django.core.cache.backends.redis.RedisCache"


def test_production_settings_install_no_tooling_app(production_settings):
    apps = production_settings["apps"]
    assert "devtools" not in apps
    assert "library" in apps
