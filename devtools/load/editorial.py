"""Network-scale editorial content for load runs: 3,000 pages at scale 1 (two thirds
actualités, one third retours d'expérience) published under the demo's index pages,
with thématiques, tags and 10,000 comments."""

from datetime import timedelta

from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.images import get_image_model

from devtools.load.participation import bulk_comments
from editorial.models import (
    ExperienceIndexPage,
    ExperiencePage,
    NewsIndexPage,
    NewsPage,
    NewsPageTag,
)
from taxonomy.models import Departement, Thematique

TAGS = ["rencontre", "publication", "appel à projets", "formation", "webinaire", "étude"]


def seed(ctx):
    news_index = NewsIndexPage.objects.first()
    experience_index = ExperienceIndexPage.objects.first()
    if news_index is None or experience_index is None:
        ctx.stdout.write("  index des actualités ou des retours absents : lancez seed_demo.")
        return
    total = ctx.count(3000)
    images = list(get_image_model().objects.values_list("pk", flat=True)[:6])
    news = ctx.add_pages(news_index, _news(ctx, total * 2 // 3, images))
    experiences = ctx.add_pages(experience_index, _experiences(ctx, total - len(news), images))

    thematiques = list(Thematique.objects.values_list("pk", flat=True))
    for model, pages in ((NewsPage, news), (ExperiencePage, experiences)):
        through = model.thematiques.through
        ctx.copy(
            through._meta.db_table,
            [f"{model._meta.model_name}_id", "thematique_id"],
            (
                (page.pk, thematique)
                for page in pages
                for thematique in ctx.rng.sample(thematiques, ctx.rng.randint(1, 2))
            ),
        )
    tags = [Tag.objects.get_or_create(name=name)[0].pk for name in TAGS]
    ctx.copy(
        NewsPageTag._meta.db_table,
        ["content_object_id", "tag_id"],
        ((page.pk, tag) for page in news for tag in ctx.rng.sample(tags, ctx.rng.randint(0, 2))),
    )
    comments = ctx.count(10000)
    written = bulk_comments(ctx, news, comments * 7 // 10, "Commentaires des actualités")
    written += bulk_comments(ctx, experiences, comments - written, "Commentaires des retours")
    ctx.stdout.write(
        f"  {len(news)} actualités, {len(experiences)} retours d’expérience, "
        f"{written} commentaires."
    )


def _body(ctx, paragraphs):
    """Raw StreamField data: paragraphs with a section title every other one."""
    blocks = []
    for n in range(paragraphs):
        if n and n % 2 == 0:
            blocks.append(("heading", {"text": ctx.text.title(), "level": "h2"}))
        blocks.append(("paragraph", f"<p>{ctx.text.paragraph(4)}</p>"))
    return [{"type": kind, "value": value, "id": str(ctx.uuid())} for kind, value in blocks]


def _image(ctx, images):
    if images and ctx.rng.random() < 0.5:
        return ctx.rng.choice(images), "Illustration abstraite aux couleurs du réseau"
    return None, ""


def _news(ctx, count, images):
    today = timezone.localdate()
    pages = []
    with ctx.progress("Actualités", count) as tick:
        for n in range(count):
            title = ctx.text.title()[:200]
            date = today - timedelta(days=n * 1500 // max(count, 1))
            image, alt = _image(ctx, images)
            pages.append(
                NewsPage(
                    title=title,
                    slug=f"{slugify(title)[:60]}-{n + 1}",
                    introduction=ctx.text.paragraph(2)[:600],
                    date=date,
                    body=_body(ctx, ctx.rng.randint(2, 6)),
                    hero_image_id=image,
                    hero_image_alt=alt,
                    first_published_at=timezone.now() - (today - date),
                )
            )
            tick()
    return pages


def _experiences(ctx, count, images):
    departements = list(Departement.objects.all())
    year = timezone.localdate().year
    pages = []
    with ctx.progress("Retours d’expérience", count) as tick:
        for n in range(count):
            title = ctx.text.title()[:200]
            departement = ctx.rng.choice(departements)
            commune = ctx.text.pick("communes")
            image, alt = _image(ctx, images)
            pages.append(
                ExperiencePage(
                    title=title,
                    slug=f"{slugify(title)[:60]}-{n + 1}",
                    introduction=ctx.text.paragraph(2)[:600],
                    region_id=departement.region_id,
                    departement=departement,
                    commune=commune,
                    quartier=f"Quartier {ctx.text.pick('noms')}",
                    structure=ctx.text.pick("structures").format(
                        commune=commune, departement=departement.name
                    )[:200],
                    year=year - ctx.rng.randint(0, 10),
                    public=ctx.text.pick("publics")[:300],
                    context=f"<p>{ctx.text.paragraph(3)}</p>",
                    approach=f"<p>{ctx.text.paragraph(4)}</p>",
                    results=f"<p>{ctx.text.paragraph(3)}</p>",
                    vigilance=f"<p>{ctx.text.paragraph(2)}</p>",
                    body=_body(ctx, ctx.rng.randint(1, 2)),
                    hero_image_id=image,
                    hero_image_alt=alt,
                )
            )
            tick()
    return pages
