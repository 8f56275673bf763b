"""What someone may not see never appears: not in results, counts, facets or suggestions."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from search.backends import get_backend
from search.backends.base import SearchRequest
from search.registry import user_principals
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def search_as(user, text="", **filters):
    return get_backend().search(
        SearchRequest(text=text, filters=filters, principals=user_principals(user))
    )


def kind_counts(results):
    return {c.value: c.count for c in results.facets["kind"]}


@pytest.fixture
def content(make_page, make_profile):
    make_page("Jardins partagés publics", "Cultiver ensemble.")
    make_page("Jardins partagés en brouillon", "Cultiver ensemble.", live=False)
    make_page("Jardins partagés du réseau", "Cultiver ensemble.", slug="membres-jardins")
    Group.objects.create(name="prive-jardins")
    make_page("Jardins partagés confidentiels", "Cultiver ensemble.", slug="prive-jardins")
    make_profile("Ana Jardins", job_title="Jardinière")
    make_profile("Léo Jardins", job_title="Jardinier", in_directory=False)


def test_visitor_sees_only_published_public_content(content, django_user_model):
    from django.contrib.auth.models import AnonymousUser

    results = search_as(AnonymousUser(), "jardins")

    assert sorted(h.title for h in results.hits) == ["Ana Jardins", "Jardins partagés publics"]
    assert results.total == 2
    assert kind_counts(results) == {"page": 1, "membre": 1}


def test_member_also_sees_members_only_content_but_not_a_private_space(content, member):
    results = search_as(member, "jardins")

    assert sorted(h.title for h in results.hits) == [
        "Ana Jardins",
        "Jardins partagés du réseau",
        "Jardins partagés publics",
    ]
    assert kind_counts(results) == {"page": 2, "membre": 1}


def test_private_space_member_sees_its_content(content):
    insider = UserFactory()
    insider.groups.add(Group.objects.get(name="prive-jardins"))

    results = search_as(insider, "jardins")

    assert "Jardins partagés confidentiels" in [h.title for h in results.hits]
    assert kind_counts(results) == {"page": 3, "membre": 1}


def test_deactivated_member_searches_like_a_visitor(content):
    user = UserFactory(is_active=False)

    assert kind_counts(search_as(user, "jardins")) == {"page": 1, "membre": 1}


def test_browsing_without_words_respects_visibility_too(content, member):
    from django.contrib.auth.models import AnonymousUser

    assert search_as(AnonymousUser()).total == 2
    assert search_as(member).total == 3


def test_suggestions_never_offer_hidden_titles(content, client):
    html = client.get(reverse("search:suggest"), {"q": "jardins"}).content.decode()

    assert "Jardins partagés publics" in html
    assert "brouillon" not in html
    assert "du réseau" not in html
    assert "confidentiels" not in html


def test_did_you_mean_never_reveals_words_of_private_content(make_page):
    Group.objects.create(name="prive-secret")
    make_page("Opération Zéphyrin", "Un projet confidentiel.", slug="prive-secret")

    results = search_as(UserFactory(), "zephyrim")

    assert results.total == 0
    assert results.suggestion is None


def test_search_page_hides_private_content_from_counts_and_facets(content, client):
    html = client.get(reverse("search:search"), {"q": "jardins"}).content.decode()

    assert "2 résultats" in html
    for hidden in ("confidentiels", "partagés du réseau", "brouillon"):
        assert hidden not in html
    assert 'Page <span class="search-facets__count">(1)</span>' in html
