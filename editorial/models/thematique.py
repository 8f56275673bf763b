"""One page per thématique gathering what the network publishes on that subject."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from content.pages import BasePage
from editorial.models.experience import ExperienceIndexPage, ExperiencePage
from editorial.models.news import NewsIndexPage, NewsPage
from library.models import Resource, ResourceIndexPage

LATEST = 3


class ThematiqueIndexPage(BasePage):
    parent_page_types = ["home.HomePage"]
    subpage_types = ["editorial.ThematiquePage"]
    max_count = 1

    class Meta:
        verbose_name = _("index des thématiques")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["thematique_pages"] = (
            ThematiquePage.objects.child_of(self)
            .live()
            .public()
            .select_related("thematique")
            .order_by("thematique__slug")
        )
        return context


class ThematiquePage(BasePage):
    thematique = models.OneToOneField(
        "taxonomy.Thematique",
        verbose_name=_("thématique"),
        on_delete=models.PROTECT,
        related_name="page",
        help_text=_("La page rassemble les contenus classés dans cette thématique."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("thematique")]

    parent_page_types = ["editorial.ThematiqueIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("page thématique")
        verbose_name_plural = _("pages thématiques")

    def latest_news(self):
        return (
            NewsPage.objects.live()
            .public()
            .filter(thematiques=self.thematique_id)
            .order_by("-date", "-pk")
            .select_related("hero_image")
            .prefetch_related("thematiques", "hero_image__renditions")[:LATEST]
        )

    def latest_experiences(self):
        return (
            ExperiencePage.objects.live()
            .public()
            .filter(thematiques=self.thematique_id)
            .order_by("-first_published_at")
            .select_related("region", "departement")
            .prefetch_related("thematiques")[:LATEST]
        )

    def latest_resources(self):
        return (
            Resource.objects.public().filter(thematiques=self.thematique_id).for_listing()[:LATEST]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["news"] = self.latest_news()
        context["experiences"] = self.latest_experiences()
        context["resources"] = self.latest_resources()
        context["news_index"] = NewsIndexPage.objects.live().first()
        context["experience_index"] = ExperienceIndexPage.objects.live().first()
        context["resource_index"] = ResourceIndexPage.objects.live().first()
        return context
