"""Demo editorial content: about thirty actualités, fifteen retours d'expérience, one page
per thématique, and the index pages under the home page. The texts live in data/editorial/."""

import datetime
import io
import json
from pathlib import Path

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model

from editorial.models import (
    ExperienceIndexPage,
    ExperiencePage,
    NewsIndexPage,
    NewsPage,
    ThematiqueIndexPage,
    ThematiquePage,
)
from home.models import HomePage
from library.models import Resource
from taxonomy.models import Departement, Thematique

DATA = Path(__file__).resolve().parent / "data" / "editorial"
# The site's palette: blue network, terracotta, and their soft tints.
PALETTE = [("#25377a", "#e8ecf8"), ("#a8391a", "#fbeee8"), ("#1e6b3a", "#e6f4ea")]
ILLUSTRATIONS = 6


def _load(name):
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _child_page(parent, model, **fields):
    page = model.objects.child_of(parent).first()
    if page is None:
        page = model(**fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
    return page


def _illustrations():
    """A few abstract illustrations in the site's colours, made once."""
    image_model = get_image_model()
    images = list(image_model.objects.filter(title__startswith="Illustration Maillage"))
    for number in range(len(images), ILLUSTRATIONS):
        ink, tint = PALETTE[number % len(PALETTE)]
        picture = PillowImage.new("RGB", (1200, 675), tint)
        draw = ImageDraw.Draw(picture)
        for step in range(7):
            x, y = 150 + step * 150, 200 + ((step + number) % 3) * 120
            radius = 60 + ((step * 37 + number * 13) % 90)
            draw.ellipse((x - radius, y - radius, x + radius, y + radius), outline=ink, width=10)
        buffer = io.BytesIO()
        picture.save(buffer, "PNG")
        image = image_model(title=f"Illustration Maillage {number + 1}")
        image.file = ImageFile(buffer, name=f"illustration-maillage-{number + 1}.png")
        image.save()
        images.append(image)
    return images


def _news_body(row, document):
    body = [("paragraph", f"<p>{paragraph}</p>") for paragraph in row["paragraphs"][:1]]
    body.append(("heading", {"text": "Ce qu’il faut retenir", "level": "h2"}))
    body += [("paragraph", f"<p>{paragraph}</p>") for paragraph in row["paragraphs"][1:]]
    if "quote" in row:
        body.append(("quote", {"quote": row["quote"]["text"], "attribution": row["quote"]["by"]}))
    if document:
        body.append(("document", {"document": document, "label": ""}))
    return body


def _resource_on(slugs):
    return Resource.objects.filter(thematiques__slug__in=slugs).order_by("pk").first()


def seed_news(index, thematiques, images):
    existing = set(NewsPage.objects.values_list("title", flat=True))
    rows = [row for row in _load("news.json") if row["title"] not in existing]
    for number, row in enumerate(rows):
        document = _resource_on(row["thematiques"])
        page = NewsPage(
            title=row["title"],
            date=datetime.date.fromisoformat(row["date"]),
            introduction=row["introduction"],
            hero_image=images[number % len(images)],
            hero_image_alt="Illustration abstraite aux couleurs de Maillage",
            body=_news_body(row, document),
            attachments=[("document", document)] if document else [],
        )
        page.thematiques = [thematiques[slug] for slug in row["thematiques"]]
        page.tags.add(*row["tags"])
        index.add_child(instance=page)
        page.save_revision().publish()
    return len(rows)


def seed_experiences(index, thematiques):
    existing = set(ExperiencePage.objects.values_list("title", flat=True))
    departements = {d.code: d for d in Departement.objects.select_related("region")}
    rows = [row for row in _load("experiences.json") if row["title"] not in existing]
    for row in rows:
        departement = departements[row["departement"]]
        document = _resource_on(row["thematiques"])
        page = ExperiencePage(
            title=row["title"],
            introduction=row["introduction"],
            region=departement.region,
            departement=departement,
            commune=row["commune"],
            quartier=row["quartier"],
            structure=row["structure"],
            year=row["year"],
            public=row["public"],
            context=f"<p>{row['context']}</p>",
            approach=f"<p>{row['approach']}</p>",
            results=f"<p>{row['results']}</p>",
            vigilance=f"<p>{row['vigilance']}</p>",
            attachments=[("document", document)] if document else [],
        )
        page.thematiques = [thematiques[slug] for slug in row["thematiques"]]
        page.contacts.create(
            name=f"Équipe de la structure « {row['structure']} »",
            details="Contact via le centre de ressources régional",
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    return len(rows)


def seed_thematique_pages(index, thematiques):
    existing = set(ThematiquePage.objects.values_list("thematique_id", flat=True))
    missing = [t for t in thematiques.values() if t.pk not in existing]
    for thematique in missing:
        page = ThematiquePage(
            title=thematique.name,
            slug=thematique.slug,
            thematique=thematique,
            introduction=thematique.description,
        )
        index.add_child(instance=page)
        page.save_revision().publish()
    return len(missing)


def seed(stdout):
    home = HomePage.objects.first()
    if home is None:
        return
    thematiques = {t.slug: t for t in Thematique.objects.all()}
    news_index = _child_page(
        home,
        NewsIndexPage,
        title="Actualités",
        slug="actualites",
        introduction="Les nouvelles du réseau de la politique de la ville : dispositifs, rencontres, publications, appels à projets.",
    )
    experience_index = _child_page(
        home,
        ExperienceIndexPage,
        title="Retours d’expérience",
        slug="retours-experience",
        introduction="Des actions menées dans les quartiers, racontées par celles et ceux qui les ont conduites : contexte, démarche, résultats et points de vigilance.",
    )
    thematique_index = _child_page(
        home,
        ThematiqueIndexPage,
        title="Thématiques",
        slug="thematiques",
        introduction="Suivez un sujet : chaque page rassemble les actualités, ressources et retours d’expérience d’une thématique.",
    )
    news = seed_news(news_index, thematiques, _illustrations())
    experiences = seed_experiences(experience_index, thematiques)
    pages = seed_thematique_pages(thematique_index, thematiques)
    stdout.write(
        f"Éditorial : {news} actualités, {experiences} retours d’expérience, "
        f"{pages} pages thématiques ajoutés."
    )
