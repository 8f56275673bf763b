import pytest

from tests.factories import PASSWORD, UserFactory


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


_serialized = {}


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """Keep the copy of the migrated database that serialized rollback restores."""
    from django.db import connection

    _serialized["default"] = getattr(connection, "_test_serialized_contents", None)


@pytest.fixture(autouse=True)
def _reference_data_after_flush(request):
    """Once Playwright has run an event loop in this thread, Django hands later tests a
    new connection object that lacks its serialized copy, so it neither restores the
    data nor keeps post_migrate from refilling tables at the flush: give the copy back
    to the connection of each such test, and restore it if Django could not."""
    marker = request.node.get_closest_marker("django_db")
    if not (marker and marker.kwargs.get("serialized_rollback")) or not _serialized.get("default"):
        yield
        return
    request.getfixturevalue("_django_db_helper")
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.models import Page

    def keep_copy():
        if not hasattr(connection, "_test_serialized_contents"):
            connection._test_serialized_contents = _serialized["default"]

    keep_copy()
    if not Page.objects.exists():
        connection.creation.deserialize_db_from_string(_serialized["default"])
    yield
    keep_copy()  # the flush that follows then leaves post_migrate out, as Django intends
    # Restoring saves Wagtail tasks, whose save() looks up their content type: with a cold
    # cache it would insert the row before the copy does. Warm it while the rows exist.
    ContentType.objects.get_for_models(*apps.get_models())


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def member(db):
    return UserFactory(display_name="Claire Martin")


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def admin_user(db):
    return UserFactory(display_name="Admin", is_staff=True, is_superuser=True)


@pytest.fixture(autouse=True)
def _fresh_cache():
    """allauth's rate limits and cached fragments live in the cache: start each test clean."""
    from django.core.cache import cache

    cache.clear()
    yield
