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
