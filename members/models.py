"""Accounts (email is the login) and the professional profile shown in the directory."""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from privacy.accounts import is_deleted_email
from taxonomy.models import TerritoryMixin, Thematique


class UserManager(BaseUserManager):
    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("L’adresse e-mail est obligatoire.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    username = None
    email = models.EmailField(_("adresse e-mail"), unique=True)
    display_name = models.CharField(
        _("nom affiché"),
        max_length=80,
        help_text=_(
            "Votre nom tel qu’il apparaît sur vos contributions, par exemple « Claire Martin »."
        ),
    )

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["display_name"]

    objects = UserManager()

    class Meta:
        verbose_name = _("membre")
        verbose_name_plural = _("membres")
        constraints = [
            models.UniqueConstraint(Lower("email"), name="members_user_email_ci_unique"),
        ]

    def __str__(self):
        if self.is_deleted_account:
            return str(_("Compte supprimé"))
        return self.display_name or self.email

    @property
    def is_deleted_account(self):
        """Deleted accounts keep their row (their contributions stay) under a placeholder
        address; see privacy.deletion."""
        return is_deleted_email(self.email)

    def get_full_name(self):
        return self.display_name or super().get_full_name()

    def get_short_name(self):
        return self.display_name or self.email


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


class ProfileQuerySet(models.QuerySet):
    def in_directory(self):
        return self.filter(in_directory=True, user__is_active=True)

    def for_listing(self):
        return self.select_related("user", "region", "departement").prefetch_related("thematiques")


class Profile(TerritoryMixin, models.Model):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    structure_type = models.CharField(
        _("type de structure"), max_length=32, choices=StructureType.choices, blank=True
    )
    structure_name = models.CharField(
        _("nom de la structure"),
        max_length=150,
        blank=True,
        help_text=_("Par exemple « Communauté d’agglomération du Grand Dax »."),
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
    in_directory = models.BooleanField(
        _("visible dans l’annuaire"),
        default=False,
        help_text=_(
            "Votre nom, votre structure, votre fonction, votre territoire et vos thématiques "
            "seront visibles de tous dans l’annuaire. Votre adresse e-mail ne l’est jamais."
        ),
    )
    updated_at = models.DateTimeField(_("mis à jour le"), auto_now=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("profil")
        verbose_name_plural = _("profils")
        indexes = [models.Index(fields=["in_directory", "structure_type"])]

    def __str__(self):
        return str(self.user)

    def get_absolute_url(self):
        return reverse("members:profile", args=[self.user_id])

    @property
    def is_complete(self):
        return bool(
            self.structure_type and self.structure_name and self.job_title and self.region_id
        )
