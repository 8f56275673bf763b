import pytest
from django.test import Client
from wagtail.models import Page

from members.models import Profile, User
from tests.factories import EventFactory, UserFactory

pytestmark = pytest.mark.django_db
DIRECTORY = "/membres/annuaire/"


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.MAILLAGE_PAGE_CACHE_SECONDS = 60


def _listed(name):
    user = UserFactory(display_name=name)
    Profile.objects.filter(user=user).update(in_directory=True)
    return user


def test_anonymous_visitor_gets_the_page_from_the_cache_the_second_time(client):
    _listed("Karim Benali")
    first = client.get(DIRECTORY)
    second = client.get(DIRECTORY)

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content


def test_any_content_write_even_a_bulk_update_shows_at_once(client):
    karim = _listed("Karim Benali")
    client.get(DIRECTORY)

    User.objects.filter(pk=karim.pk).update(display_name="Karim Benali-Roux")
    response = client.get(DIRECTORY)

    assert response["X-Page-Cache"] == "miss"
    assert "Karim Benali-Roux" in response.content.decode()


def test_logged_in_members_are_never_served_a_cached_page(client, member):
    client.get(DIRECTORY)
    client.force_login(member)
    response = client.get(DIRECTORY)
    assert "X-Page-Cache" not in response
    assert member.display_name in response.content.decode()


def test_pages_that_set_a_cookie_are_not_cached():
    client = Client()
    response = client.get("/comptes/login/")  # sets the CSRF cookie
    assert "X-Page-Cache" not in response
    assert "X-Page-Cache" not in client.get("/comptes/login/")


def test_a_write_to_a_table_the_page_does_not_show_keeps_it_cached(client):
    _listed("Karim Benali")
    client.get(DIRECTORY)

    EventFactory()
    response = client.get(DIRECTORY)

    assert response["X-Page-Cache"] == "hit"


def test_a_cached_page_keeps_the_security_headers_of_the_original(client):
    first = client.get(DIRECTORY)
    second = client.get(DIRECTORY)

    assert second["X-Page-Cache"] == "hit"
    for header in ("Content-Type", "X-Frame-Options", "X-Content-Type-Options", "Content-Language"):
        assert second[header] == first[header]


def test_a_page_expires_with_the_tables_of_the_menu_it_took_from_the_cache(client):
    """The header menu is cached apart; a page that got it from that cache must still
    depend on the tables the menu was built from."""
    client.get("/")  # caches the menu fragment
    client.get(DIRECTORY)  # a hit on the menu fragment
    assert client.get(DIRECTORY)["X-Page-Cache"] == "hit"

    Page.objects.filter(depth=1).update(title="Racine renommée")

    assert client.get(DIRECTORY)["X-Page-Cache"] == "miss"
