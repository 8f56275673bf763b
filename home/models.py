from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from content.blocks import CallToActionsBlock
from content.pages import CachedViewRestrictions
from editorial.models import NewsIndexPage
from library.models import Resource, ResourceIndexPage
from participation.notifications.api import groups_of

LATEST_NEWS = 3
LATEST_RESOURCES = 3
FOLLOWED_GROUPS = 5


class HomePage(CachedViewRestrictions, Page):
    introduction = models.TextField(
        _("introduction"),
        max_length=400,
        blank=True,
        help_text=_("Deux ou trois phrases qui disent à quoi sert la plateforme."),
    )
    calls_to_action = StreamField(
        CallToActionsBlock(),
        verbose_name=_("appels à l’action"),
        blank=True,
        help_text=_("Les prochaines étapes proposées aux visiteurs (trois au plus conseillé)."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("calls_to_action"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = _("page d’accueil")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if request.user.is_authenticated:
            # A member's own block, read only by its fragment (keyed by the member), on
            # its miss: a new notification, one marked read, a renamed actor or space
            # expires it (`maillage.table_versions`).
            user = request.user
            context["followed_groups"] = SimpleLazyObject(
                lambda: groups_of(user, unread=True, limit=FOLLOWED_GROUPS)
            )
        # Read only by the sections' fragment, on its miss.
        news_index = SimpleLazyObject(lambda: NewsIndexPage.objects.live().first())
        context["news_index"] = news_index
        context["latest_news"] = SimpleLazyObject(
            lambda: (
                news_index.news()
                .select_related("hero_image")
                .prefetch_related("thematiques", "hero_image__renditions")[:LATEST_NEWS]
                if news_index
                else []
            )
        )
        context["resource_index"] = SimpleLazyObject(
            lambda: ResourceIndexPage.objects.live().first()
        )
        context["latest_resources"] = (
            Resource.objects.public().for_listing().order_by("-created_at")[:LATEST_RESOURCES]
        )
        return context
