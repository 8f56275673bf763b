"""The shared resource library: Wagtail documents carrying the network's metadata, and
the page that lists them with facets."""

import logging
import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.documents.models import AbstractDocument, Document
from wagtail.models import DraftStateMixin, LockableMixin, RevisionMixin, WorkflowMixin
from wagtail.search import index

from content.listing import lazy_listing
from content.pages import BasePage
from library.choices import ResourceType
from library.extraction import ExtractionError, extract_text
from library.filters import ResourceFilterSet
from maillage.private_files import private_storage
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


class ResourceDescription(TerritoryMixin):
    """What describes a resource, shared by the library's documents and the resources
    members propose (`ResourceSubmission`), which become documents once published."""

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

    class Meta:
        abstract = True


class Resource(ResourceDescription, AbstractDocument):
    thematiques = models.ManyToManyField(
        Thematique, verbose_name=_("thématiques"), blank=True, related_name="resources"
    )
    contributed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposée par"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="contributed_resources",
        help_text=_("Le membre qui a proposé la ressource, crédité sur sa fiche."),
    )
    # On this side rather than the submission's: publishing a snippet restores it from a
    # revision written before the document existed, which would forget the link.
    submission = models.OneToOneField(
        "library.ResourceSubmission",
        verbose_name=_("proposition d’origine"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resource",
        editable=False,
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

    def get_absolute_url(self):
        """The resource's own page (description, credit, comments); `url` is the file."""
        return reverse("library:resource", args=[self.pk])


def submission_file_path(instance, filename):
    """A random name: the member's own file name stays in `file_name`, never in a path."""
    return f"contributions/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


class ResourceSubmission(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    ResourceDescription,
    ClusterableModel,
):
    """A resource a member proposes on the site. It goes through the "Relecture" workflow
        like a page (a snippet with Wagtail's workflow mixins) and becomes a library document
        (`resource`) only when published: until then its file is private, served only to
        its author and to the editors (`maillage.private_files`); the document keeps a link
    back (`resource`, its reverse accessor)."""

    title = models.CharField(_("titre"), max_length=255)
    file = models.FileField(
        _("fichier"), upload_to=submission_file_path, storage=private_storage, max_length=255
    )
    file_name = models.CharField(_("nom du fichier"), max_length=255, editable=False)
    thematiques = ParentalManyToManyField(
        Thematique, verbose_name=_("thématiques"), blank=True, related_name="+"
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposée par"),
        on_delete=models.CASCADE,
        related_name="+",
        editable=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("ressource proposée")
        verbose_name_plural = _("ressources proposées")

    def __str__(self):
        return self.title

    def get_file_url(self):
        return reverse("library:submission_file", args=[self.pk])


class ResourceIndexPage(BasePage):
    """The library: every public document, with facets and sorting."""

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("bibliothèque de ressources")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)

        def filtered():
            filters = ResourceFilterSet(request.GET or None, queryset=Resource.objects.public())
            return filters.form, filters.qs.for_listing()

        # Built only on a miss of the page's cached listing.
        context.update(lazy_listing(request, filtered))
        return context
