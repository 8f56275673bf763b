"""Actualités, retours d'expérience and thématique pages in the network search (published
pages without a view restriction, see PageRegistration)."""

import datetime

from django.utils.translation import gettext_lazy as _
from wagtail.rich_text import get_text_for_indexing

from editorial.models import ExperiencePage, NewsPage, ThematiquePage
from search.registry import PageRegistration, SearchDocument, register, territory_keys


def stream_text(body):
    """The words a reader sees in a StreamField body: a heading's level is not one."""
    parts = []
    for block in body:
        if block.block_type == "heading":
            parts.append(block.value["text"])
        else:
            parts.extend(block.block.get_searchable_content(block.value))
    return "\n".join(part for part in parts if part)


def summary(page, *details):
    return " · ".join(filter(None, [page.search_description or page.introduction, *details]))


@register
class NewsDocuments(PageRegistration):
    model = NewsPage
    kind = "actualite"
    label = _("Actualité")

    def get_queryset(self):
        return super().get_queryset().prefetch_related("thematiques", "tags")

    def to_document(self, page):
        return SearchDocument(
            title=page.title,
            url=page.url,
            extra=summary(page, ", ".join(tag.name for tag in page.tags.all()), page.event_title),
            body=stream_text(page.body),
            date=page.date,
            thematiques=[t.slug for t in page.thematiques.all()],
        )


@register
class ExperienceDocuments(PageRegistration):
    model = ExperiencePage
    kind = "retour_experience"
    label = _("Retour d’expérience")

    def get_queryset(self):
        return (
            super()
            .get_queryset()
            .select_related("region", "departement__region")
            .prefetch_related("thematiques")
        )

    def to_document(self, page):
        sections = [page.context, page.approach, page.results, page.vigilance]
        return SearchDocument(
            title=page.title,
            url=page.url,
            extra=summary(page, page.structure, page.commune, page.quartier, page.public),
            body="\n".join(
                [*(get_text_for_indexing(text) for text in sections), stream_text(page.body)]
            ),
            # The year of the action is what the year facet offers, as on the index page.
            date=datetime.date(page.year, 1, 1) if page.year else page.first_published_at,
            thematiques=[t.slug for t in page.thematiques.all()],
            territories=territory_keys(region=page.region, departement=page.departement),
        )


@register
class ThematiqueDocuments(PageRegistration):
    model = ThematiquePage
    kind = "thematique"
    label = _("Thématique")
    # Renaming or describing a thématique changes its page's document.
    depends_on = {
        "taxonomy.Thematique": lambda thematique: ThematiquePage.objects.filter(
            thematique=thematique
        )
    }

    def get_queryset(self):
        return super().get_queryset().select_related("thematique")

    def to_document(self, page):
        extra, description = summary(page), page.thematique.description
        return SearchDocument(
            title=page.title,
            url=page.url,
            extra=extra,
            body="" if description == extra else description,
            thematiques=[page.thematique.slug],
        )
