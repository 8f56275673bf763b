import pytest
from django.test import Client

from members.models import Profile, User
from tests.factories import UserFactory

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
