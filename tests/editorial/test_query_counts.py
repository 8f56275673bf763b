"""Listing pages make the same number of queries with 5 items as with 20 (a query per item
would show as 15 more)."""

import pytest
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


@pytest.mark.parametrize("listing", ["news", "experiences", "resources", "thematique", "home"])
def test_listing_queries_do_not_grow_with_items(
    client, home, news_index, experience_index, listing
):
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
        if listing in ("news", "thematique", "home"):
            fill_news(news_index, count, thematique)
        if listing in ("experiences", "thematique"):
            fill_experiences(experience_index, count, thematique)
        if listing in ("resources", "thematique", "home"):
            fill_resources(count, thematique)

    fill(5)
    with_five = count_queries(client, urls[listing])
    fill(15)
    with_twenty = count_queries(client, urls[listing])

    assert with_twenty == with_five
