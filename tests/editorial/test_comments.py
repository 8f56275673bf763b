import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django_comments import get_model as comment_model
from wagtail.models import PageViewRestriction

from tests.factories import ExperiencePageFactory, NewsPageFactory, UserFactory, make_space

pytestmark = pytest.mark.django_db


def _post_url(page):
    content_type = ContentType.objects.get_for_model(page)
    return reverse("participation:comment_post", args=[content_type.pk, page.pk])


@pytest.mark.parametrize("factory", ["news", "experience"])
def test_member_comments_a_news_item_or_experience_and_readers_see_it(
    client, member, news_index, experience_index, factory
):
    page = (
        NewsPageFactory(parent=news_index)
        if factory == "news"
        else ExperiencePageFactory(parent=experience_index)
    )
    client.force_login(member)

    client.post(_post_url(page), {"comment": "Nous avons fait la même chose à Roubaix."})
    client.logout()
    html = client.get(page.url).content.decode()

    assert "Nous avons fait la même chose à Roubaix." in html
    assert "Se connecter</a> pour commenter" in html  # visitors read, members write


def test_a_restriction_added_or_removed_applies_at_once(client, member_client, news_index):
    """The page's restrictions are kept in the exact cache: written, they apply at once to
    the page and to its comments."""
    page = NewsPageFactory(parent=news_index, title="Actualité sentinelle-1d7c3e")
    assert client.get(page.url).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=news_index, restriction_type=PageViewRestriction.LOGIN
    )

    assert client.get(page.url).status_code == 302  # to the login page
    assert "sentinelle-1d7c3e" in member_client.get(page.url).content.decode()
    assert member_client.post(_post_url(page), {"comment": "Restreinte."}).status_code == 404
    restriction.delete()
    assert client.get(page.url).status_code == 200


def test_visitor_cannot_post_a_comment(client, news_index):
    page = NewsPageFactory(parent=news_index)
    response = client.post(_post_url(page), {"comment": "Anonyme"})
    assert response.status_code in (302, 403)
    assert not comment_model().objects.exists()
    assert "Anonyme" not in client.get(page.url).content.decode()


def test_home_page_shows_open_spaces_and_latest_contributions(client, news_index):
    make_space(title="Priorités du réseau 2026")
    page = NewsPageFactory(parent=news_index, title="Les cités éducatives en 2026")
    client.force_login(UserFactory())
    client.post(_post_url(page), {"comment": "Merci pour ce point d’étape."})

    html = client.get("/").content.decode()

    assert "Démarches en cours" in html and "Priorités du réseau 2026" in html
    assert "Dernières contributions" in html and "Les cités éducatives en 2026" in html
