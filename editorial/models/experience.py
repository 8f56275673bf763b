"""Retours d'expérience, structured the way practitioners write them up."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index

from content.listing import lazy_listing
from content.pages import BasePage
from editorial.filters import ExperienceFilterSet
from editorial.models.article import ArticlePage
from taxonomy.models import TerritoryMixin

TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul"]


class ExperienceIndexPage(BasePage):
    """Retours d'expérience filterable by thématique, territory and year."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["editorial.ExperiencePage"]
    max_count = 1

    class Meta:
        verbose_name = _("index des retours d’expérience")

    def experiences(self):
        return ExperiencePage.objects.child_of(self).live().public().order_by("-year", "title")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        def filtered():
            filters = ExperienceFilterSet(request.GET or None, queryset=self.experiences())
            experiences = filters.qs.select_related("region", "departement")
            return filters.form, experiences.prefetch_related("thematiques")

        # Built only on a miss of the page's cached listing.
        context.update(lazy_listing(request, filtered))
        return context


class ExperiencePage(TerritoryMixin, ArticlePage):
    commune = models.CharField(_("commune"), max_length=120, blank=True)
    quartier = models.CharField(
        _("quartier prioritaire"),
        max_length=150,
        blank=True,
        help_text=_("Le nom du quartier prioritaire de la politique de la ville (QPV) concerné."),
    )
    structure = models.CharField(
        _("structure porteuse"),
        max_length=200,
        blank=True,
        help_text=_("Par exemple « Centre social Les Tilleuls » ou « Ville de Grigny »."),
    )
    year = models.PositiveSmallIntegerField(
        _("année"), null=True, blank=True, db_index=True, help_text=_("L’année de l’action.")
    )
    public = models.CharField(
        _("publics concernés"),
        max_length=300,
        blank=True,
        help_text=_("Par exemple « jeunes de 16 à 25 ans sans emploi ni formation »."),
    )
    context = RichTextField(
        _("contexte"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("La situation de départ : le besoin constaté, le territoire, les acteurs."),
    )
    approach = RichTextField(
        _("démarche"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("Ce qui a été fait, avec qui, avec quels moyens et quel calendrier."),
    )
    results = RichTextField(
        _("résultats"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("Ce que l’action a changé, chiffres à l’appui si possible."),
    )
    contributed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposé par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributed_experiences",
        help_text=_("Le membre qui a proposé ce retour sur le site, crédité sur la page."),
    )
    vigilance = RichTextField(
        _("points de vigilance"),
        features=TEXT_FEATURES,
        blank=True,
        help_text=_("Les difficultés rencontrées et les conseils pour qui voudrait s’en inspirer."),
    )

    content_panels = [
        *BasePage.content_panels,
        ArticlePage.hero_panel,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("region"), FieldPanel("departement")]),
                FieldRowPanel([FieldPanel("commune"), FieldPanel("quartier")]),
            ],
            heading=_("Territoire"),
        ),
        FieldRowPanel([FieldPanel("structure"), FieldPanel("year")]),
        FieldPanel("public"),
        ArticlePage.thematiques_panel,
        FieldPanel("context"),
        FieldPanel("approach"),
        FieldPanel("results"),
        FieldPanel("vigilance"),
        FieldPanel("body", heading=_("Pour aller plus loin")),
        InlinePanel("contacts", heading=_("Contacts"), label=_("contact")),
        FieldPanel("attachments"),
        FieldPanel("contributed_by", read_only=True),
    ]
    search_fields = [
        *ArticlePage.search_fields,
        index.SearchField("structure"),
        index.SearchField("commune"),
        index.SearchField("quartier"),
        index.SearchField("context"),
        index.SearchField("approach"),
        index.SearchField("results"),
        index.SearchField("vigilance"),
        index.FilterField("year"),
    ]

    parent_page_types = ["editorial.ExperienceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("retour d’expérience")
        verbose_name_plural = _("retours d’expérience")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["contacts"] = self.contacts.select_related("member__profile")
        context["contributor"] = SimpleLazyObject(self.contributor)
        return context

    def contributor(self):
        """The member credited for a retour proposed on the site, with profile and
        structure in the same query."""
        if self.contributed_by_id is None:
            return None
        return (
            get_user_model()
            .objects.select_related("profile__structure")
            .filter(pk=self.contributed_by_id)
            .first()
        )

    @property
    def territory(self):
        return ", ".join(
            str(part) for part in (self.commune, self.departement or self.region) if part
        )


class ExperienceContact(Orderable):
    """Someone to ask about the action: a member of the platform or a free-text contact."""

    page = ParentalKey(ExperiencePage, on_delete=models.CASCADE, related_name="contacts")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("membre de la plateforme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Son profil sera lié depuis la page."),
    )
    name = models.CharField(
        _("ou nom"), max_length=150, blank=True, help_text=_("Pour un contact sans compte.")
    )
    details = models.CharField(
        _("fonction et coordonnées"),
        max_length=300,
        blank=True,
        help_text=_("Par exemple « Chargée de mission, centre social, 01 23 45 67 89 »."),
    )

    panels = [FieldPanel("member"), FieldPanel("name"), FieldPanel("details")]

    class Meta(Orderable.Meta):
        verbose_name = _("contact")

    def clean(self):
        super().clean()
        if not self.member_id and not self.name.strip():
            raise ValidationError(
                {"name": _("Choisissez un membre de la plateforme ou saisissez un nom.")}
            )

    def __str__(self):
        return str(self.member or self.name)
