"""Reference data every module tags its content with: thématiques and territories."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Thematique(index.Indexed, models.Model):
    name = models.CharField(_("nom"), max_length=120, unique=True)
    slug = models.SlugField(
        _("identifiant d’URL"),
        max_length=120,
        unique=True,
        help_text=_("Le nom en minuscules, sans accents, mots séparés par des tirets : « sante »."),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["slug"]  # accent-free, so "Éducation" sorts among the E
        verbose_name = _("thématique")
        verbose_name_plural = _("thématiques")

    def __str__(self):
        return self.name


class Region(models.Model):
    code = models.CharField(_("code INSEE"), max_length=3, unique=True)
    name = models.CharField(_("nom"), max_length=80, unique=True)
    overseas = models.BooleanField(_("outre-mer"), default=False)

    class Meta:
        ordering = ["name"]
        verbose_name = _("région")
        verbose_name_plural = _("régions")

    def __str__(self):
        return self.name


class Departement(models.Model):
    code = models.CharField(_("code"), max_length=3, unique=True)
    name = models.CharField(_("nom"), max_length=80)
    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="departements", verbose_name=_("région")
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("département")
        verbose_name_plural = _("départements")

    def __str__(self):
        return f"{self.name} ({self.code})"


class TerritoryMixin(models.Model):
    """The région and département a piece of content or a member belongs to, both optional;
    a département implies its région (filled in when left empty, refused when another).

    Deleting a région or a département that something still names is refused (PROTECT):
    they are reference data loaded from the INSEE list, so a deletion is a mistake, and
    SET_NULL would silently strip every experience, document, proposal and profile of it
    with no way back. The admin shows what still names it, to reassign first. Events,
    which name only a département, follow the same rule."""

    region = models.ForeignKey(
        Region,
        verbose_name=_("région"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )
    departement = models.ForeignKey(
        Departement,
        verbose_name=_("département"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
    )

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if not self.departement_id:
            return
        if not self.region_id:
            self.region = self.departement.region
        elif self.departement.region_id != self.region_id:
            raise ValidationError(
                {
                    "departement": _(
                        "Ce département n’appartient pas à la région choisie (%(region)s)."
                    )
                    % {"region": self.region}
                }
            )

    @property
    def territory(self):
        return self.departement or self.region
