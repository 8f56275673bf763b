"""The news and retours lists are one exact fragment per address (`content.listing.lazy_listing`),
the meta of editorial pages one per page and scheme, the breadcrumbs' ancestors come from the exact
cache: a warm render reads only the page, shows what an uncached one shows, and any write to what
they show (a news, a thématique, a view restriction, the index, an image) appears at once."""

from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from maillage import table_versions
from taxonomy.models import Region
from tests.factories import ExperiencePageFactory, ImageFactory, NewsPageFactory


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), " ".join(query["sql"] for query in queries.captured_queries)


def listing(html):
    """The part of a list page that is the same for every reader: filters and results."""
    return html[html.index('<div class="layout-sidebar">') : html.index("</main>")]


def uncached(client, url):
    cache.clear()
    table_versions.local_values.clear()
    return get(client, url)[0]


def test_news_list_is_read_once_shared_and_renewed_by_what_it_shows(
    client, member_client, news_index, thematique
):
    news = NewsPageFactory(
        parent=news_index, title="Actualité sentinelle-3d7a", thematiques=[thematique]
    )
    url = f"{news_index.url}?thematique={thematique.slug}"

    first, _ = get(client, url)
    again, read_again = get(client, url)
    as_member, _ = get(member_client, url)
    cold = uncached(client, url)
    thematique.name = "Santé renommée-5e1b"
    thematique.save()
    renamed, _ = get(client, url)
    news_index.title = "Toutes les actualités-8c2d"
    news_index.save_revision().publish()
    retitled, _ = get(client, url)
    PageViewRestriction.objects.create(page=news, restriction_type=PageViewRestriction.LOGIN)
    restricted, _ = get(client, url)

    assert "sentinelle-3d7a" in first and again == first == cold
    assert listing(as_member) == listing(first)
    for table in ("taxonomy_thematique", "wagtailcore_pageviewrestriction", "taggit_tag"):
        assert f'"{table}"' not in read_again
    assert '"editorial_newspage"' not in read_again
    assert '<li class="tag">Santé renommée-5e1b</li>' in renamed  # the card's thématique
    assert ">Santé renommée-5e1b</option>" in renamed and "RSS « Santé renommée-5e1b »" in renamed
    assert "<h1>Toutes les actualités-8c2d</h1>" in retitled
    assert "sentinelle-3d7a" not in restricted and "0 actualité" in restricted


def test_experience_list_filters_and_shows_a_new_retour_at_once(client, experience_index):
    region = Region.objects.order_by("pk").first()
    ExperiencePageFactory(parent=experience_index, title="Retour sentinelle-1b6c", region=region)
    ExperiencePageFactory(parent=experience_index, title="Retour ailleurs-2d4f")
    url = f"{experience_index.url}?region={region.pk}"

    first, _ = get(client, url)
    _, read_again = get(client, url)
    ExperiencePageFactory(parent=experience_index, title="Retour nouveau-7e3a", region=region)
    after, _ = get(client, url)

    assert "sentinelle-1b6c" in first and "ailleurs-2d4f" not in first
    assert f'<option value="{region.pk}" selected>' in first
    assert '"editorial_experiencepage"' not in read_again and '"taxonomy_region"' not in read_again
    assert "nouveau-7e3a" in after and "2 retours d’expérience" in after


def test_page_meta_and_breadcrumbs_follow_the_image_and_the_parent(client, news_index):
    first_image, second_image = ImageFactory(title="Première"), ImageFactory(title="Seconde")
    news = NewsPageFactory(parent=news_index, hero_image=first_image, hero_image_alt="Affiche")
    url = news.url
    client.get(url)  # renditions are made on the first view, which expires what read them

    first, _ = get(client, url)
    _, read_again = get(client, url)
    cold = uncached(client, url)
    news.hero_image = second_image
    news.save_revision().publish()
    client.get(url)
    other_image, _ = get(client, url)
    news_index.title = "Les nouvelles-4a9e"
    news_index.save_revision().publish()
    renamed_parent, _ = get(client, url)

    def og_image(html):
        start = html.index('<meta property="og:image" content="')
        return html[start : html.index(">", start)]

    assert cold == first and '"wagtailimages_image"' not in read_again
    assert '"wagtailcore_page"."path" IN' not in read_again  # the breadcrumbs' ancestors
    assert og_image(other_image) != og_image(first)
    assert ">Les nouvelles-4a9e</a></li>" in renamed_parent
