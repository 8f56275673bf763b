"""What members submit to the editors (a resource, a retour d'expérience) and where each
submission stands, for "Mes contributions" and the notifications.

The content itself is a Wagtail object that goes through the "Relecture" workflow: a
`library.ResourceSubmission` snippet or a draft `editorial.ExperiencePage`. This row
follows it (`content_object`) and keeps its state, written when the member saves or
submits and when the workflow moves (`submissions.signals`), so that the member's list
is one query whatever the number of submissions."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    RESOURCE = "ressource", _("Ressource")
    EXPERIENCE = "experience", _("Retour d’expérience")


class Status(models.TextChoices):
    DRAFT = "brouillon", _("Brouillon")
    IN_REVIEW = "relecture", _("En relecture")
    CHANGES_REQUESTED = "modifications", _("Modifications demandées")
    PUBLISHED = "publiee", _("Publiée")
    # Wagtail's workflows only approve or ask for changes: a refusal is ours, final.
    REFUSED = "refusee", _("Refusée")


EDITABLE = (Status.DRAFT, Status.CHANGES_REQUESTED)


class Submission(models.Model):
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("auteur"),
        on_delete=models.CASCADE,
        related_name="submissions",
    )
    kind = models.CharField(_("type"), max_length=20, choices=Kind.choices)
    status = models.CharField(
        _("état"), max_length=20, choices=Status.choices, default=Status.DRAFT
    )
    title = models.CharField(_("titre"), max_length=255)
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.PositiveIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    message = models.TextField(
        _("message de la relecture"),
        blank=True,
        help_text=_("Les modifications demandées, ou la raison du refus."),
    )
    url = models.CharField(_("adresse publiée"), max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("contribution d’un membre")
        verbose_name_plural = _("contributions des membres")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="submissions_one_per_object"
            )
        ]
        indexes = [
            models.Index(fields=["author", "-updated_at", "id"], name="submissions_by_author")
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        """Its line in the author's "Mes contributions" (with the editor's message)."""
        return f"{reverse('submissions:mine')}#contribution-{self.pk}"

    @property
    def is_editable(self):
        return self.status in EDITABLE
