"""The abstract article page of the editorial side: hero image, body, thématiques, attachments."""

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.images import get_image_model_string
from wagtail.search import index

from content.blocks import BodyBlock
from content.pages import BasePage
from taxonomy.models import Thematique


class ArticlePage(BasePage):
    """A dated piece of content: hero image, StreamField body, thématiques, attachments."""

    hero_image = models.ForeignKey(
        get_image_model_string(),
        verbose_name=_("image principale"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("texte alternatif de l’image"),
        max_length=250,
        blank=True,
        help_text=_(
            "Obligatoire avec une image : décrivez ce qu’elle montre à une personne qui ne la voit pas."
        ),
    )
    body = StreamField(
        BodyBlock(),
        verbose_name=_("contenu"),
        blank=True,
        help_text=_("Paragraphes, intertitres, images, citations, documents, vidéos, tableaux."),
    )
    thematiques = ParentalManyToManyField(
        Thematique,
        verbose_name=_("thématiques"),
        blank=True,
        related_name="+",
        help_text=_("La page apparaît sur la page de chacune de ces thématiques."),
    )
    attachments = StreamField(
        [("document", DocumentChooserBlock(label=_("document")))],
        verbose_name=_("documents joints"),
        blank=True,
        help_text=_("Documents de la bibliothèque de ressources proposés au téléchargement."),
    )

    hero_panel = MultiFieldPanel(
        [FieldPanel("hero_image"), FieldPanel("hero_image_alt")],
        heading=_("Image principale"),
    )
    thematiques_panel = FieldPanel("thematiques", widget=forms.CheckboxSelectMultiple)
    search_fields = [*BasePage.search_fields, index.SearchField("body")]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.hero_image_id and not self.hero_image_alt.strip():
            raise ValidationError(
                {"hero_image_alt": _("Décrivez l’image : le texte alternatif est obligatoire.")}
            )

    @property
    def social_image(self):
        return self.hero_image

    def thematique_links(self):
        """Each thématique of the page with its thématique page, when there is one."""
        thematique_page_model = apps.get_model("editorial", "ThematiquePage")
        thematiques = list(self.thematiques.all())
        pages = {
            page.thematique_id: page
            for page in thematique_page_model.objects.live().filter(thematique__in=thematiques)
        }
        return [(thematique, pages.get(thematique.pk)) for thematique in thematiques]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read when the page's fragment is rendered, not when it is served from the cache.
        context["thematique_links"] = SimpleLazyObject(self.thematique_links)
        return context
