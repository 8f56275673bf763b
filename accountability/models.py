"""The follow-up of a space's priorities (Decidim's "accountability"): the statuses the
space defines, its results (chantiers) and each result's timeline."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from maillage.private_files import private_storage
from participation.spaces.api import SpacePage
from taxonomy.models import TerritoryMixin

PROGRESS_VALIDATORS = [MinValueValidator(0), MaxValueValidator(100)]


def _progress_range(field, name):
    """Progress is a percentage: the database refuses anything outside 0–100."""
    return models.CheckConstraint(
        condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0, f"{field}__lte": 100}),
        name=name,
    )


class Status(models.Model):
    """A step of the space's follow-up ("À lancer", "En cours", "Réalisé", "Abandonné"):
    a result in this status has the status' progress unless a moderator set its own. A
    status without progress (abandoned work) leaves its results out of the averages."""

    space = models.ForeignKey(
        SpacePage,
        verbose_name=_("démarche"),
        on_delete=models.CASCADE,
        related_name="accountability_statuses",
    )
    name = models.CharField(_("nom"), max_length=60)
    progress = models.PositiveSmallIntegerField(
        _("avancement (%)"),
        null=True,
        blank=True,
        validators=PROGRESS_VALIDATORS,
        help_text=_("De 0 à 100 ; vide pour un état sans avancement (abandonné, suspendu)."),
    )
    order = models.PositiveSmallIntegerField(_("ordre"), default=0)

    class Meta:
        verbose_name = _("état de suivi")
        verbose_name_plural = _("états de suivi")
        ordering = ["space", "order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["space", "name"], name="accountability_status_unique"),
            _progress_range("progress", "accountability_status_progress_range"),
        ]

    def __str__(self):
        if self.progress is None:
            return self.name
        return f"{self.name} ({self.progress} %)"


class ResultQuerySet(models.QuerySet):
    def of_space(self, space):
        return self.filter(space=space)

    def top_level(self):
        return self.filter(parent__isnull=True)

    def for_cards(self):
        """What a card shows, in a constant number of queries whatever the page size."""
        return self.select_related("status", "region", "departement", "structure").prefetch_related(
            "thematiques"
        )


class Result(TerritoryMixin, models.Model):
    """A result (chantier) of the space: what was decided, how far it is, who carries it,
    and what it answers (proposals) or is carried by (debates, events, resources)."""

    space = models.ForeignKey(
        SpacePage,
        verbose_name=_("démarche"),
        on_delete=models.CASCADE,
        related_name="accountability_results",
    )
    parent = models.ForeignKey(
        "self",
        verbose_name=_("chantier parent"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="children",
    )
    reference = models.CharField(
        _("référence"),
        max_length=40,
        blank=True,
        help_text=_(
            "Un code court et unique dans la démarche (par exemple « R-12 »), "
            "qui sert à mettre à jour le chantier par un import CSV."
        ),
    )
    title = models.CharField(_("titre"), max_length=200)
    description = models.TextField(_("description"), max_length=5000, blank=True)
    thematiques = models.ManyToManyField(
        "taxonomy.Thematique", verbose_name=_("thématiques"), blank=True, related_name="+"
    )
    status = models.ForeignKey(
        Status,
        verbose_name=_("état"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="results",
    )
    progress = models.PositiveSmallIntegerField(
        _("avancement fixé à la main (%)"),
        null=True,
        blank=True,
        validators=PROGRESS_VALIDATORS,
        help_text=_(
            "Vide : l’avancement de l’état. Un chantier qui a des sous-chantiers "
            "prend la moyenne des leurs."
        ),
    )
    start_date = models.DateField(_("début"), null=True, blank=True)
    end_date = models.DateField(_("fin"), null=True, blank=True)
    structure = models.ForeignKey(
        "structures.Structure",
        verbose_name=_("structure responsable"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    proposals = models.ManyToManyField(
        "proposals.Proposal",
        verbose_name=_("propositions auxquelles il répond"),
        blank=True,
        related_name="accountability_results",
    )
    debates = models.ManyToManyField(
        "debates.Debate", verbose_name=_("débats"), blank=True, related_name="+"
    )
    events = models.ManyToManyField(
        "events.Event", verbose_name=_("événements"), blank=True, related_name="+"
    )
    resources = models.ManyToManyField(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("ressources"),
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)

    objects = ResultQuerySet.as_manager()

    class Meta:
        verbose_name = _("chantier")
        verbose_name_plural = _("chantiers")
        ordering = ["space", "pk"]
        indexes = [models.Index(fields=["space", "parent"], name="accountability_result_tree")]
        constraints = [
            models.UniqueConstraint(
                fields=["space", "reference"],
                condition=~Q(reference=""),
                name="accountability_result_reference_unique",
            ),
            _progress_range("progress", "accountability_result_progress_range"),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="accountability_result_end_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(parent=F("pk")), name="accountability_result_not_own_parent"
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("accountability:detail", args=[self.pk])

    def clean(self):
        super().clean()
        errors = {}
        if self.start_date and self.end_date and self.end_date < self.start_date:
            errors["end_date"] = _("La fin ne peut précéder le début.")
        if self.status_id and self.space_id and self.status.space_id != self.space_id:
            errors["status"] = _("Cet état appartient à une autre démarche.")
        if self.parent_id:
            if self.space_id and self.parent.space_id != self.space_id:
                errors["parent"] = _("Le chantier parent appartient à une autre démarche.")
            elif self.pk and self.pk in self.parent.ancestor_ids(include_self=True):
                errors["parent"] = _(
                    "Un chantier ne peut être son propre parent ni celui de ses parents."
                )
        if errors:
            raise ValidationError(errors)

    def ancestor_ids(self, include_self=False):
        """The ids of the result's parents, up to the top (one query per level: used
        when a moderator moves a result, never on a listing)."""
        ids = [self.pk] if include_self else []
        parent_id = self.parent_id
        while parent_id and parent_id not in ids:
            ids.append(parent_id)
            parent_id = Result.objects.filter(pk=parent_id).values_list("parent", flat=True).first()
        return ids

    @property
    def own_progress(self):
        """The progress set by hand, else the status' one; None when neither says."""
        if self.progress is not None:
            return self.progress
        return self.status.progress if self.status_id else None


def entry_attachment_path(instance, filename):
    return f"accountability/{instance.result.space_id}/{filename}"


class ProgressEntry(models.Model):
    """A dated step of a result's timeline: what was done, with documents; a change of
    status is recorded as an entry too (`status` set: the status reached)."""

    result = models.ForeignKey(
        Result, verbose_name=_("chantier"), on_delete=models.CASCADE, related_name="entries"
    )
    date = models.DateField(_("date"))
    text = models.TextField(_("texte"), max_length=5000)
    status = models.ForeignKey(
        Status,
        verbose_name=_("nouvel état"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("ressource de la bibliothèque"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    attachment = models.FileField(
        _("pièce jointe"),
        storage=private_storage,
        upload_to=entry_attachment_path,
        max_length=255,
        blank=True,
    )
    attachment_name = models.CharField(_("nom du fichier"), max_length=255, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)

    class Meta:
        verbose_name = _("étape du suivi")
        verbose_name_plural = _("étapes du suivi")
        ordering = ["-date", "-pk"]
        indexes = [models.Index(fields=["result", "-date"], name="accountability_entry_date")]

    def __str__(self):
        return f"{self.result} · {self.date:%d/%m/%Y}"

    def get_absolute_url(self):
        return f"{self.result.get_absolute_url()}#etape-{self.pk}"

    def get_attachment_url(self):
        return reverse("accountability:attachment", args=[self.pk])
