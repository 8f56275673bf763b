"""The professional profile: what the directory shows (when the member opts in) and what
the panorama counts (when the member opts in to it, separately)."""

from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from members.models.accounts import User
from taxonomy.models import TerritoryMixin, Thematique


class StructureType(models.TextChoices):
    EPCI = "epci", _("EPCI (intercommunalité)")
    COMMUNE = "commune", _("Commune")
    ETAT = "etat", _("Préfecture / services de l’État")
    DEPARTEMENT = "departement", _("Département")
    REGION = "region", _("Région")
    BAILLEUR = "bailleur", _("Bailleur social")
    CENTRE_RESSOURCES = "centre_ressources", _("Centre de ressources politique de la ville")
    ASSOCIATION = "association", _("Association")
    AUTRE = "autre", _("Autre")


class Mission(models.TextChoices):
    """The missions the centres de ressources ask about in their yearly panorama."""

    CONTRAT_DE_VILLE = "contrat_de_ville", _("Contrat de ville")
    RENOUVELLEMENT_URBAIN = "renouvellement_urbain", _("NPNRU / renouvellement urbain")
    GUSP = "gusp", _("Gestion urbaine et sociale de proximité (GUSP)")
    TFPB = "tfpb", _("Abattement de TFPB")
    CITES_EDUCATIVES = "cites_educatives", _("Cités éducatives")
    REUSSITE_EDUCATIVE = "reussite_educative", _("Programme de réussite éducative")
    SANTE = "sante", _("Santé / atelier santé ville")
    EMPLOI = "emploi", _("Emploi et développement économique")
    TRANQUILLITE = "tranquillite", _("Tranquillité publique")
    AUTRE = "autre", _("Autre")


class TimeShare(models.TextChoices):
    """Bands rather than a percentage: members answer faster, and a band identifies no one."""

    UNDER_25 = "0-25", _("Moins d’un quart du temps")
    FROM_25 = "25-50", _("D’un quart à la moitié")
    FROM_50 = "50-75", _("De la moitié aux trois quarts")
    OVER_75 = "75-100", _("Plus des trois quarts")


class TeamSize(models.TextChoices):
    ALONE = "1", _("Seul·e sur ces missions")
    SMALL = "2-5", _("2 à 5 personnes")
    MEDIUM = "6-10", _("6 à 10 personnes")
    LARGE = "11+", _("Plus de 10 personnes")


class YearsInPost(models.TextChoices):
    UNDER_1 = "0-1", _("Moins d’un an")
    FROM_1 = "1-3", _("1 à 3 ans")
    FROM_3 = "3-5", _("3 à 5 ans")
    OVER_5 = "5+", _("Plus de 5 ans")


class ProfileQuerySet(models.QuerySet):
    def in_directory(self):
        return self.filter(in_directory=True, user__is_active=True)

    def in_panorama(self):
        return self.filter(in_panorama=True, user__is_active=True)

    def for_listing(self):
        return self.select_related("user", "region", "departement", "structure").prefetch_related(
            "thematiques"
        )


class Profile(TerritoryMixin, models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    structure_type = models.CharField(
        _("type de structure"), max_length=32, choices=StructureType.choices, blank=True
    )
    structure = models.ForeignKey(
        "structures.Structure",
        verbose_name=_("structure"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="profiles",
        help_text=_(
            "Choisissez votre structure dans la liste des structures du réseau ; si elle "
            "n’y est pas, proposez-la ci-dessous."
        ),
    )
    structure_name = models.CharField(
        _("nom de la structure"),
        max_length=150,
        blank=True,
        help_text=_("Par exemple « Communauté d’agglomération du Grand Dax »."),
    )
    service = models.CharField(
        _("service de rattachement"),
        max_length=150,
        blank=True,
        help_text=_(
            "Le service ou la direction de votre poste, par exemple « Direction de la cohésion sociale »."
        ),
    )
    job_title = models.CharField(
        _("fonction"),
        max_length=150,
        blank=True,
        help_text=_("Par exemple « Cheffe de projet politique de la ville »."),
    )
    thematiques = models.ManyToManyField(
        Thematique, verbose_name=_("thématiques d’intérêt"), blank=True, related_name="+"
    )
    bio = models.TextField(
        _("présentation"),
        max_length=1000,
        blank=True,
        help_text=_(
            "Quelques lignes sur vos missions et ce que vous pouvez partager (1 000 caractères au plus)."
        ),
    )
    missions = ArrayField(
        models.CharField(max_length=32, choices=Mission.choices),
        verbose_name=_("missions"),
        default=list,
        blank=True,
        help_text=_("Cochez toutes celles que vous exercez."),
    )
    time_share = models.CharField(
        _("temps consacré à la politique de la ville"),
        max_length=8,
        choices=TimeShare.choices,
        blank=True,
        help_text=_("La part de votre temps de travail consacrée à la politique de la ville."),
    )
    team_size = models.CharField(
        _("taille de l’équipe"),
        max_length=8,
        choices=TeamSize.choices,
        blank=True,
        help_text=_(
            "Le nombre de personnes, vous compris, qui portent ces missions dans votre structure."
        ),
    )
    years_in_post = models.CharField(
        _("ancienneté dans le poste"),
        max_length=8,
        choices=YearsInPost.choices,
        blank=True,
    )
    quartiers = ArrayField(
        models.CharField(max_length=150),
        verbose_name=_("quartiers prioritaires suivis"),
        default=list,
        blank=True,
        help_text=_("Un nom de quartier par ligne, par exemple « Les Tilleuls (Blanc-Mesnil) »."),
    )
    in_directory = models.BooleanField(
        _("visible dans l’annuaire"),
        default=False,
        help_text=_(
            "Votre nom, votre structure, votre fonction, votre territoire et vos thématiques "
            "seront visibles de tous dans l’annuaire. Votre adresse e-mail ne l’est jamais."
        ),
    )
    in_panorama = models.BooleanField(
        _("compté dans le panorama des acteurs"),
        default=False,
        help_text=_(
            "Votre type de structure, votre territoire, vos missions, votre temps consacré et "
            "la taille de votre équipe entrent, sans votre nom, dans les chiffres du panorama. "
            "Un chiffre inférieur à 5 n’est jamais publié."
        ),
    )
    updated_at = models.DateTimeField(_("mis à jour le"), auto_now=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("profil")
        verbose_name_plural = _("profils")
        indexes = [
            models.Index(fields=["in_directory", "structure_type"]),
            models.Index(fields=["in_panorama", "structure_type"]),
        ]

    def __str__(self):
        return str(self.user)

    def get_absolute_url(self):
        return reverse("members:profile", args=[self.user_id])

    @property
    def is_complete(self):
        return bool(
            self.structure_type and self.structure_name and self.job_title and self.region_id
        )

    @property
    def mission_labels(self):
        labels = dict(Mission.choices)
        return [labels.get(mission, mission) for mission in self.missions]
