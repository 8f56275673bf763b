"""Fixtures shared by every test folder: reproducible random text, the four roles and
their logged-in clients, and the database housekeeping of transactional tests."""

import io
import os
import random
import shutil
import zlib

import factory.random
import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import Client

from members.roles import EDITEURS, MODERATEURS
from tests.databases import (
    copy_demo_template,
    copy_migrated_template,
    demo_files,
    demo_template_name,
    drop,
    keep_reference_copy,
    restore_reference_copy,
    server_connection,
)
from tests.factories import PASSWORD, UserFactory, reset_sequences

SEED = int(os.environ.get("MAILLAGE_TEST_SEED", "20260611"))


def _reseed(seed):
    random.seed(seed)
    factory.random.reseed_random(seed)  # Faker's generator too


def _replay_hint():
    return f"MAILLAGE_TEST_SEED={SEED} (rejouer une série : MAILLAGE_TEST_SEED={SEED} pytest …)"


def pytest_report_header(config):
    return _replay_hint()


def pytest_terminal_summary(terminalreporter, exitstatus):
    """`-q` hides the header: a failed run still says which seed replays it."""
    if exitstatus:
        terminalreporter.write_line(_replay_hint())


def pytest_sessionstart(session):
    _reseed(SEED)
    # The uploads of this process's previous run (settings.TEST_FILES): files nothing
    # points to any more, which would otherwise pile up from run to run.
    shutil.rmtree(settings.TEST_FILES, ignore_errors=True)


@pytest.fixture(autouse=True)
def _reproducible_randomness(request):
    """Factories write random French text: each test draws it from the session seed and
    its own id, with sequences restarted, so it gets the same data whatever ran before."""
    _reseed(SEED ^ zlib.crc32(request.node.nodeid.encode()))
    reset_sequences()


def pytest_collection_modifyitems(items):
    """Transactional tests (threads, live server) end with a flush that would also wipe
    what migrations created (Wagtail's root and home pages, thématiques, territories,
    roles, workflows): serialized rollback restores it for the next one."""
    for item in items:
        marker = item.get_closest_marker("django_db")
        kwargs = dict(marker.kwargs) if marker else {}
        transactional = kwargs.get("transaction") or {"live_server", "transactional_db"} & set(
            item.fixturenames
        )
        if transactional:
            kwargs.update(transaction=True, serialized_rollback=True)
            item.add_marker(pytest.mark.django_db(**kwargs), append=False)
    # The order for the two processes of `make test`, to which pytest-xdist hands runs of
    # consecutive tests, then more as they finish. First the tests without database, the
    # deployment last among them: in a fresh checkout, one process runs them (and builds
    # the wheel) while the other migrates the template that every test database copies
    # (a minute of one core, tests/databases.py). Then the tests of the demo content,
    # together, so that this process uses the demo's database (see `demo`) for them alone
    # and seeds it while the other runs the database tests. The tests that flush the
    # database (transactional) come last, the browser journeys leading them, so that both
    # processes end on short tests.
    items.sort(key=_running_order)


def _running_order(item):
    marker = item.get_closest_marker("django_db")
    fixtures = set(item.fixturenames)
    if "demo" in fixtures:
        group = 1
    elif (marker and marker.kwargs.get("transaction")) or {
        "live_server",
        "transactional_db",
    } & fixtures:
        group = 3
    elif marker or "db" in fixtures:
        group = 2
    else:
        group = 0  # no database, or the deployment's own (tests/site/test_deploy_wheel.py)
    return (group, "deploy" in item.keywords, not item.nodeid.startswith("tests/browser/"))


_demo = {}


@pytest.fixture(scope="session")
def demo(django_db_setup, django_db_blocker):
    """The demo content for the tests that use it: this process's connection moves to a
    database of its own copied from the demo template (`CREATE DATABASE ... TEMPLATE`,
    a second), until the next test does not use the demo (see pytest_runtest_teardown).
    The template is seeded by `seed_demo` the first time it is needed each day, or after
    any change of the project's code, migrations or packages (tests/databases.py); its
    files live in a folder of their own. Each test still runs in its own transaction."""
    from django.db import connection
    from django.test.utils import override_settings
    from django.utils import timezone

    own = connection.settings_dict["NAME"]
    template = demo_template_name(timezone.localdate())
    media, private = demo_files(template)
    files = override_settings(MEDIA_ROOT=media, MAILLAGE_PRIVATE_ROOT=private)

    def seed(database):
        _connect_to(database)
        with files, django_db_blocker.unblock():
            call_command("seed_demo", stdout=io.StringIO())
        _connect_to(own)

    copy_demo_template(own + "_demo", template, seed)
    _connect_to(own + "_demo")
    files.enable()
    _demo.update(own=own, files=files)
    yield
    _end_demo()


def _connect_to(name):
    from django.db import connection

    connection.close()
    connection.settings_dict["NAME"] = name


def _end_demo():
    if "own" in _demo:
        _demo.pop("files").disable()
        own = _demo.pop("own")
        _connect_to(own)
        with server_connection() as server:
            drop(server, own + "_demo")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """Back to this process's own database as soon as the next test does not use the demo;
    after the flush of a transactional test, the rows that migrations created are back."""
    try:
        return (yield)
    finally:
        if nextitem is None or "demo" not in nextitem.fixturenames:
            _end_demo()
        while _restore_after:
            name = _restore_after.pop()
            if nextitem is not None:  # after the last test, the database is already dropped
                restore_reference_copy(name)


@pytest.fixture(scope="session")
def django_db_keepdb():
    """Django finds each process's database already made (a copy of the migrated
    template, see tests/databases.py) and only checks that no migration is missing."""
    return True


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings):
    """Once pytest-django has named this process's database, make it a copy of the
    migrated template."""
    from django.db import connection

    copy_migrated_template(settings.DATABASES["default"]["TEST"]["NAME"])
    connection.creation.serialize_db_to_string = lambda: NOTHING  # see NOTHING below


# Django's serialized rollback saves the whole database as JSON when the run starts and
# reads it back object by object before each transactional test (seconds each time).
# PostgreSQL does it here instead (tests/databases.py): a copy of the tables' rows in a
# schema of the same database, made before the first flush, put back right after each.
NOTHING = "[]"


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Drop the process's database at the end, as Django would have without the template."""
    from django.db import connection, connections

    yield
    connections.close_all()
    with server_connection() as server:
        drop(server, connection.settings_dict["NAME"])


_restore_after = []


@pytest.fixture(autouse=True)
def _reference_data_after_flush(request):
    """Transactional tests (marked serialized_rollback by pytest_collection_modifyitems)
    end with a flush, which empties every table, including what migrations created
    (Wagtail's root and home pages, thématiques, territories, roles, workflows): copy
    these rows before the first one, put them back after each (see pytest_runtest_teardown).
    Django is given an empty serialized copy, so that its flush still leaves post_migrate
    out; once Playwright has run an event loop in this thread, Django hands later tests a
    new connection object, which needs it too."""
    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("serialized_rollback")):
        yield
        return
    from django.db import connection

    def empty_copy():
        if not hasattr(connection, "_test_serialized_contents"):
            connection._test_serialized_contents = NOTHING

    name = connection.settings_dict["NAME"]
    keep_reference_copy(name, connection.introspection.django_table_names(include_views=False))
    _restore_after.append(name)
    empty_copy()
    request.getfixturevalue("_django_db_helper")
    yield
    empty_copy()


@pytest.fixture
def password():
    return PASSWORD


def _logged_in(user):
    """A client of its own, so that `client` stays anonymous in the same test."""
    client = Client()
    client.force_login(user)
    return client


def _with_role(group_name, **fields):
    user = UserFactory(is_staff=True, **fields)
    user.groups.add(Group.objects.get(name=group_name))
    return user


@pytest.fixture
def member(db):
    return UserFactory(display_name="Claire Martin")


@pytest.fixture
def member_client(member):
    return _logged_in(member)


@pytest.fixture
def editor(db):
    return _with_role(EDITEURS, display_name="Éva Éditrice")


@pytest.fixture
def editor_client(editor):
    return _logged_in(editor)


@pytest.fixture
def moderator(db):
    return _with_role(MODERATEURS, display_name="Modératrice")


@pytest.fixture
def moderator_client(moderator):
    return _logged_in(moderator)


@pytest.fixture
def admin_user(db):
    return UserFactory(display_name="Admin", is_staff=True, is_superuser=True)


@pytest.fixture
def admin_client(admin_user):
    return _logged_in(admin_user)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """allauth's rate limits and cached fragments live in the cache: start each test clean."""
    from django.core.cache import cache

    cache.clear()
    yield
