"""Each page type renders with its content, its StreamField blocks and its meta."""

import datetime

import pytest
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from editorial.models import NewsPage
from tests.factories import (
    ExperiencePageFactory,
    ImageFactory,
    NewsPageFactory,
    ResourceFactory,
    ResourceIndexPageFactory,
    ThematiqueIndexPageFactory,
    ThematiquePageFactory,
    UserFactory,
)

VIDEO = "https://www.youtube.com/watch?v=demo"


@pytest.fixture
def cached_embed(db):
    """The embed as Wagtail caches it, so rendering needs no network."""
    return Embed.objects.create(
        url=VIDEO,
        max_width=800,
        hash=get_embed_hash(VIDEO, 800),
        type="video",
        html='<iframe title="Vidéo de la rencontre" src="https://www.youtube.com/embed/demo"></iframe>',
    )


def every_block(document, image):
    return [
        ("paragraph", "<p>Un paragraphe <b>riche</b>.</p>"),
        ("heading", {"text": "Ce qu’il faut retenir", "level": "h2"}),
        ("image", {"image": image, "alt_text": "Atelier au centre social", "caption": "Photo"}),
        ("quote", {"quote": "Le quartier change.", "attribution": "Nadia, habitante"}),
        ("document", {"document": document, "label": ""}),
        ("embed", VIDEO),
        (
            "call_to_action",
            {
                "title": "Rejoindre le groupe",
                "text": "",
                "button_label": "S’inscrire",
                "link": {"page": None, "url": "/membres/annuaire/"},
            },
        ),
        (
            "table",
            {
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "data": [["Année", "Projets"], ["2025", "12"]],
            },
        ),
    ]


def test_news_page_renders_every_body_block(client, news_index, thematique, cached_embed):
    document = ResourceFactory(title="Guide du relogement")
    image = ImageFactory()
    page = NewsPageFactory(
        parent=news_index,
        title="Les maisons du projet",
        date=datetime.date(2026, 3, 2),
        hero_image=image,
        hero_image_alt="Façade de la maison du projet",
        body=every_block(document, image),
        attachments=[("document", document)],
        thematiques=[thematique],
        tags=["NPNRU"],
    )

    response = client.get(page.url)

    html = response.content.decode()
    assert response.status_code == 200
    assert "<b>riche</b>" in html
    assert "<h2>Ce qu’il faut retenir</h2>" in html
    assert 'alt="Atelier au centre social"' in html
    assert 'alt="Façade de la maison du projet"' in html
    assert "Nadia, habitante" in html
    assert "Guide du relogement" in html and document.url in html
    assert "Vidéo de la rencontre" in html
    assert "S’inscrire" in html
    assert "<th" in html and "Projets" in html
    assert "2 mars 2026" in html
    assert "NPNRU" in html and thematique.name in html
    assert f'<link rel="canonical" href="http://localhost{page.url}">' in html
    assert '<meta property="og:type" content="article">' in html
    assert 'aria-label="Fil d’Ariane"' in html and news_index.title in html

    page.tags.add("sentinelle-9e3f52")
    page.save()
    document.title = "Guide sentinelle-70c4da"
    document.save()
    html = client.get(page.url).text
    assert "sentinelle-9e3f52" in html and "Guide sentinelle-70c4da" in html


def test_hero_image_without_alternative_text_is_refused(news_index):
    page = NewsPage(title="Sans alternative", hero_image=ImageFactory(), hero_image_alt=" ")

    with pytest.raises(Exception) as error:
        page.full_clean()

    assert "hero_image_alt" in error.value.message_dict


def test_experience_page_shows_its_structured_sections_and_contacts(
    client, experience_index, thematique
):
    contact = UserFactory(display_name="Karim Benali")
    contact.profile.in_directory = True
    contact.profile.save()
    page = ExperiencePageFactory(
        parent=experience_index,
        title="Médiateurs santé à Roubaix",
        commune="Roubaix",
        quartier="Epeule",
        public="Habitants éloignés du soin",
        approach="<p>Des permanences dans les lieux de vie.</p>",
        results="<p>400 personnes accompagnées.</p>",
        vigilance="<p>Financer les postes dans la durée.</p>",
        body=[("quote", {"quote": "On vient nous voir.", "attribution": ""})],
        thematiques=[thematique],
    )
    page.contacts.create(member=contact)
    page.contacts.create(name="Atelier santé ville", details="01 23 45 67 89")
    page.save_revision().publish()

    html = client.get(page.url).content.decode()

    for text in (
        "Contexte",
        "Démarche",
        "Des permanences dans les lieux de vie.",
        "Résultats",
        "Points de vigilance",
        "Epeule",
        "Habitants éloignés du soin",
        "On vient nous voir.",
        "Atelier santé ville",
    ):
        assert text in html
    assert f'href="/membres/{contact.pk}/">Karim Benali</a>' in html

    # The page's content is a cached fragment: each write shows at the next visit.
    contact.display_name = "Karim sentinelle-6a0d3b"
    contact.save()
    thematique.name = "Thématique sentinelle-2e91f4"
    thematique.save()
    assert "Karim sentinelle-6a0d3b" in client.get(page.url).text
    assert "Thématique sentinelle-2e91f4" in client.get(page.url).text
    page.public = "Public sentinelle-b41c07"
    page.save()  # without a revision
    assert "Public sentinelle-b41c07" in client.get(page.url).text


def test_thematique_page_gathers_its_latest_news_resources_and_experiences(
    client, home, news_index, experience_index, thematique
):
    other = type(thematique).objects.get(slug="culture")
    NewsPageFactory(parent=news_index, title="Actualité santé", thematiques=[thematique])
    NewsPageFactory(parent=news_index, title="Actualité culture", thematiques=[other])
    ExperiencePageFactory(
        parent=experience_index, title="Expérience santé", thematiques=[thematique]
    )
    ResourceFactory(title="Étude santé", thematiques=[thematique])
    ResourceFactory(title="Étude culture", thematiques=[other])
    index = ThematiqueIndexPageFactory(parent=home)
    page = ThematiquePageFactory(parent=index, title="Santé", thematique=thematique)

    html = client.get(page.url).content.decode()

    assert "Actualité santé" in html and "Expérience santé" in html and "Étude santé" in html
    assert "Actualité culture" not in html and "Étude culture" not in html
    assert "Santé" in client.get(index.url).content.decode()


def test_home_page_shows_latest_news_and_resources(client, home, news_index):
    ResourceIndexPageFactory(parent=home)
    NewsPageFactory(parent=news_index, title="Lancement de Maillage")
    ResourceFactory(title="Guide de l’évaluation")

    html = client.get("/").content.decode()

    assert "Lancement de Maillage" in html
    assert "Guide de l’évaluation" in html
