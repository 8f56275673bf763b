"""The structures of the network (centres de ressources, EPCI, communes, préfectures…):
members name theirs on their profile, or propose it for editors to validate."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from members.models import StructureType
from taxonomy.models import TerritoryMixin


class StructureQuerySet(models.QuerySet):
    def validated(self):
        return self.filter(validated=True)

    def pending(self):
        return self.filter(validated=False)


class Structure(TerritoryMixin, models.Model):
    name = models.CharField(_("nom"), max_length=150)
    slug = models.SlugField(_("identifiant d’URL"), max_length=160, unique=True)
    type = models.CharField(
        _("type de structure"), max_length=32, choices=StructureType.choices, db_index=True
    )
    website = models.URLField(
        _("site internet"),
        blank=True,
        help_text=_("Par exemple « https://www.ville.fr »."),
    )
    validated = models.BooleanField(
        _("validée"),
        default=False,
        db_index=True,
        help_text=_(
            "Une structure validée a sa page publique et se choisit dans les profils ; "
            "une structure proposée par un membre attend la validation d’un éditeur."
        ),
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposée par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("créée le"), auto_now_add=True)

    objects = StructureQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("structure")
        verbose_name_plural = _("structures")
        permissions = [("validate_structure", _("Peut valider les structures proposées"))]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("structures:detail", args=[self.slug])

    def save(self, *args, **kwargs):
        if not self.slug:
            self.slug = unique_slug(self.name)
        super().save(*args, **kwargs)


def unique_slug(name):
    """The slug of `name`, numbered when another structure already has it."""
    base = slugify(name)[:150] or "structure"
    slug, number = base, 1
    while Structure.objects.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    return slug
