"""Actualités: an index with filters and feeds, and the news pages themselves."""

import datetime

from django.db import models
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.search import index

from content.blocks import validate_link
from content.listing import lazy_listing
from content.pages import BasePage
from editorial.feeds import NewsFeed
from editorial.filters import NewsFilterSet
from editorial.models.article import ArticlePage
from taxonomy.models import Thematique


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The actualités, newest first, filterable, with RSS and Atom feeds."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["editorial.NewsPage"]
    max_count = 1

    class Meta:
        verbose_name = _("index des actualités")

    def news(self):
        """The published news of this index, newest first."""
        return NewsPage.objects.child_of(self).live().public().order_by("-date", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        def filtered():
            filters = NewsFilterSet(request.GET or None, queryset=self.news())
            news = filters.qs.select_related("hero_image")
            news = news.prefetch_related("thematiques", "tags", "hero_image__renditions")
            return filters.form, news

        # Built only on a miss of the page's cached listing.
        context.update(lazy_listing(request, filtered))
        return context

    @path("flux/<str:kind>/")
    @path("flux/<str:kind>/<slug:thematique>/")
    def feed(self, request, kind, thematique=None):
        if kind not in NewsFeed.feed_types:
            raise Http404
        if thematique is not None:
            thematique = get_object_or_404(Thematique, slug=thematique)
        return NewsFeed(self, kind, thematique)(request)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey(
        "editorial.NewsPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsPage(ArticlePage):
    date = models.DateField(
        _("date"),
        default=datetime.date.today,
        db_index=True,
        help_text=_(
            "La date affichée ; les actualités sont classées de la plus récente à la plus ancienne."
        ),
    )
    tags = ClusterTaggableManager(
        through=NewsPageTag,
        verbose_name=_("mots-clés"),
        blank=True,
        help_text=_("Quelques mots-clés libres, séparés par des virgules."),
    )
    event_title = models.CharField(
        _("événement lié"),
        max_length=200,
        blank=True,
        help_text=_("Le nom de l’événement dont parle l’actualité, s’il y en a un."),
    )
    event_url = models.CharField(
        _("adresse de l’événement"),
        max_length=300,
        blank=True,
        validators=[validate_link],
        help_text=_("La page de l’événement dans l’agenda (/agenda/…) ou sur un autre site."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        ArticlePage.hero_panel,
        FieldPanel("body"),
        ArticlePage.thematiques_panel,
        FieldPanel("tags"),
        FieldPanel("attachments"),
        MultiFieldPanel(
            [FieldPanel("event_title"), FieldPanel("event_url")],
            heading=_("Événement lié"),
        ),
    ]
    search_fields = [
        *ArticlePage.search_fields,
        index.FilterField("date"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    parent_page_types = ["editorial.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("actualité")
        verbose_name_plural = _("actualités")
