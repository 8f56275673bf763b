"""The index pages list the right items, filtered; the feeds carry the right news."""

import datetime
import xml.etree.ElementTree as ET

from taggit.models import Tag

from taxonomy.models import Departement
from tests.factories import ExperiencePageFactory, NewsPageFactory, ThematiqueFactory

ATOM = "{http://www.w3.org/2005/Atom}"


def titles(response):
    return [news.title for news in response.context["page_obj"]]


def test_news_index_lists_newest_first_and_paginates(client, news_index):
    for day in range(1, 15):
        NewsPageFactory(parent=news_index, title=f"Jour {day}", date=datetime.date(2026, 1, day))

    first = client.get(news_index.url)
    second = client.get(news_index.url, {"page": 2})

    assert titles(first)[:3] == ["Jour 14", "Jour 13", "Jour 12"]
    assert len(titles(first)) == 12
    assert titles(second) == ["Jour 2", "Jour 1"]


def test_news_index_filters_by_thematique_tag_and_year(client, news_index, thematique):
    NewsPageFactory(
        parent=news_index,
        title="Santé 2025",
        date=datetime.date(2025, 5, 1),
        thematiques=[thematique],
        tags=["appel à projets"],
    )
    NewsPageFactory(
        parent=news_index,
        title="Santé 2026",
        date=datetime.date(2026, 5, 1),
        thematiques=[thematique],
    )
    NewsPageFactory(
        parent=news_index,
        title="Autre 2026",
        date=datetime.date(2026, 6, 1),
        tags=["appel à projets"],
    )

    assert titles(client.get(news_index.url, {"thematique": thematique.slug})) == [
        "Santé 2026",
        "Santé 2025",
    ]
    assert titles(
        client.get(news_index.url, {"tag": Tag.objects.get(name="appel à projets").slug})
    ) == [
        "Autre 2026",
        "Santé 2025",
    ]
    assert titles(client.get(news_index.url, {"year": "2025"})) == ["Santé 2025"]
    assert titles(client.get(news_index.url, {"year": "2026", "thematique": thematique.slug})) == [
        "Santé 2026"
    ]


def test_unknown_filter_values_are_ignored_not_an_error(client, news_index):
    NewsPageFactory(parent=news_index, title="Seule")

    response = client.get(news_index.url, {"thematique": "inconnue", "year": "abc", "page": "99"})

    assert response.status_code == 200
    assert titles(response) == ["Seule"]


def test_draft_news_are_not_listed(client, news_index):
    NewsPageFactory(parent=news_index, title="Publiée")
    draft = NewsPageFactory(parent=news_index, title="Brouillon")
    draft.unpublish()

    assert titles(client.get(news_index.url)) == ["Publiée"]


def test_experience_index_filters_by_thematique_territory_and_year(
    client, experience_index, thematique
):
    nord = Departement.objects.get(code="59")
    gironde = Departement.objects.get(code="33")
    ExperiencePageFactory(
        parent=experience_index,
        title="Roubaix",
        departement=nord,
        region=nord.region,
        year=2023,
        thematiques=[thematique],
    )
    ExperiencePageFactory(
        parent=experience_index,
        title="Bordeaux",
        departement=gironde,
        region=gironde.region,
        year=2024,
    )

    def listed(**params):
        return [page.title for page in client.get(experience_index.url, params).context["page_obj"]]

    assert listed(thematique=thematique.slug) == ["Roubaix"]
    assert listed(region=gironde.region.pk) == ["Bordeaux"]
    assert listed(departement="59") == ["Roubaix"]
    assert listed(year="2024") == ["Bordeaux"]
    assert listed() == ["Bordeaux", "Roubaix"]


def test_rss_feed_carries_the_published_news_newest_first(client, news_index):
    NewsPageFactory(parent=news_index, title="Ancienne", date=datetime.date(2025, 1, 1))
    NewsPageFactory(parent=news_index, title="Récente", date=datetime.date(2026, 1, 1))
    NewsPageFactory(parent=news_index, title="Retirée").unpublish()

    response = client.get(news_index.url + "flux/rss/")

    assert response["Content-Type"].startswith("application/rss+xml")
    items = ET.fromstring(response.content).findall("./channel/item")
    assert [item.findtext("title") for item in items] == ["Récente", "Ancienne"]
    assert items[0].findtext("link").startswith("http://localhost/")


def test_thematique_atom_feed_carries_only_that_thematique(client, news_index, thematique):
    NewsPageFactory(parent=news_index, title="Santé", thematiques=[thematique])
    NewsPageFactory(parent=news_index, title="Culture", thematiques=[ThematiqueFactory()])

    response = client.get(f"{news_index.url}flux/atom/{thematique.slug}/")

    assert response["Content-Type"].startswith("application/atom+xml")
    entries = ET.fromstring(response.content).findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Santé"]


def test_unknown_feed_or_thematique_is_not_found(client, news_index):
    assert client.get(news_index.url + "flux/json/").status_code == 404
    assert client.get(news_index.url + "flux/rss/inconnue/").status_code == 404
