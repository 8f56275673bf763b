from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import CallToActionsBlock


class HomePage(Page):
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
