"""The shared resource library: Wagtail documents carrying the network's metadata, and
the page that lists them with facets."""

import logging

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument, Document
from wagtail.search import index

from content.listing import paginate
from content.pages import BasePage
from library.choices import ResourceType
from library.extraction import ExtractionError, extract_text
from library.filters import ResourceFilterSet
from taxonomy.models import TerritoryMixin, Thematique

logger = logging.getLogger(__name__)


class ResourceQuerySet(models.QuerySet):
    def public(self):
        """Documents outside the collections whose access is restricted."""
        return self.exclude(collection__view_restrictions__isnull=False)

    def for_listing(self):
        return self.select_related("region", "departement").prefetch_related("thematiques")

    def facet_counts(self, facet):
        """(value, label, count) of each value of `facet` among these resources."""
        if facet == "thematique":
            rows = (
                Thematique.objects.filter(resources__in=self)
                .values_list("slug", "name")
                .annotate(n=Count("resources"))
                .order_by("slug")
            )
            return list(rows)
        resources = self.order_by()
        if facet == "resource_type":
            rows = resources.values_list("resource_type").annotate(n=Count("pk"))
            labels = dict(ResourceType.choices)
            return sorted((value, labels[value], n) for value, n in rows)
        if facet == "year":
            rows = resources.exclude(year=None).values_list("year").annotate(n=Count("pk"))
            return [(year, str(year), n) for year, n in sorted(rows, reverse=True)]
        rows = (
            resources.exclude(region=None)
            .values_list("region", "region__name")
            .annotate(n=Count("pk"))
            .order_by("region__name")
        )
        return list(rows)


class Resource(TerritoryMixin, AbstractDocument):
    resource_type = models.CharField(
        _("type de ressource"),
        max_length=20,
        choices=ResourceType.choices,
        default=ResourceType.AUTRE,
        db_index=True,
    )
    year = models.PositiveSmallIntegerField(
        _("année"),
        null=True,
        blank=True,
        db_index=True,
        validators=[MinValueValidator(1970), MaxValueValidator(2100)],
        help_text=_("L’année de publication du document."),
    )
    source = models.CharField(
        _("auteur ou structure source"),
        max_length=200,
        blank=True,
        help_text=_("Par exemple « ANCT », « Profession Banlieue » ou « Ville de Roubaix »."),
    )
    thematiques = models.ManyToManyField(
        Thematique, verbose_name=_("thématiques"), blank=True, related_name="resources"
    )
    description = models.TextField(
        _("description"),
        blank=True,
        help_text=_("Ce que le document apporte, en quelques phrases ; affiché dans la liste."),
    )
    extracted_text = models.TextField(
        _("texte extrait"),
        blank=True,
        editable=False,
        help_text=_("Le texte du PDF, DOCX ou ODT, lu au dépôt, pour la recherche."),
    )

    objects = ResourceQuerySet.as_manager()

    admin_form_fields = (
        *Document.admin_form_fields,
        "resource_type",
        "year",
        "source",
        "thematiques",
        "region",
        "departement",
        "description",
    )
    search_fields = [
        *AbstractDocument.search_fields,
        index.SearchField("description"),
        index.SearchField("source"),
        index.SearchField("extracted_text"),
        index.FilterField("resource_type"),
        index.FilterField("year"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("ressource")
        verbose_name_plural = _("ressources")
        # The library's default order and the home page's latest documents.
        indexes = [models.Index(fields=["-created_at", "id"], name="library_resource_recent")]

    def _set_document_file_metadata(self):
        """Wagtail calls this whenever a file is attached, by whichever upload view: the
        text is read here unless the admin form already read it while validating."""
        super()._set_document_file_metadata()
        if not self.extracted_text:
            try:
                self.extracted_text = extract_text(self.file, self.file.name)
            except ExtractionError:
                logger.warning("Texte illisible dans le document %s", self.file.name)


class ResourceIndexPage(BasePage):
    """The library: every public document, with facets and sorting."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("bibliothèque de ressources")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = ResourceFilterSet(request.GET or None, queryset=Resource.objects.public())
        context["page_obj"], context["query_string"] = paginate(request, filters.qs.for_listing())
        context["filter_form"] = filters.form
        return context
