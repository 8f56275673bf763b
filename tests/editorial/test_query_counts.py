"""Listing pages make the same number of queries with 5 items as with 13 (a query per item
would show as 8 more)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    ExperiencePageFactory,
    ImageFactory,
    NewsPageFactory,
    ResourceFactory,
    ResourceIndexPageFactory,
    ThematiqueFactory,
    ThematiqueIndexPageFactory,
    ThematiquePageFactory,
)


def count_queries(client, url):
    client.get(url)  # renditions are generated on the first view
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def fill_news(index, count, thematique):
    image = ImageFactory()
    for _ in range(count):
        NewsPageFactory(
            parent=index,
            hero_image=image,
            hero_image_alt="Illustration",
            thematiques=[thematique],
            tags=["quartier"],
        )


def fill_experiences(index, count, thematique):
    for _ in range(count):
        ExperiencePageFactory(parent=index, thematiques=[thematique])


def fill_resources(count, thematique):
    for _ in range(count):
        ResourceFactory(thematiques=[thematique])


def test_listing_queries_do_not_grow_with_items(client, home, news_index, experience_index):
    """Every listing is counted on the same content, with 5 items of each kind and then with
    13 (a page of 12 and a second one): building the pages is most of the cost, done once."""
    thematique = ThematiqueFactory()
    urls = {
        "news": news_index.url,
        "experiences": experience_index.url,
        "resources": ResourceIndexPageFactory(parent=home).url,
        "thematique": ThematiquePageFactory(
            parent=ThematiqueIndexPageFactory(parent=home), thematique=thematique
        ).url,
        "home": "/",
    }

    def fill(count):
        fill_news(news_index, count, thematique)
        fill_experiences(experience_index, count, thematique)
        fill_resources(count, thematique)

    fill(5)
    with_five = {listing: count_queries(client, url) for listing, url in urls.items()}
    fill(8)
    with_thirteen = {listing: count_queries(client, url) for listing, url in urls.items()}

    assert with_thirteen == with_five
