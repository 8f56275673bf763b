"""The network's agenda: rencontres, site visits, barcamps, open forums, webinars; with
registrations held to the event's capacity and a waiting list, and the meeting's minutes."""

import hashlib
import json
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.models import ClusterableModel
from wagtail.fields import RichTextField

from participation.spaces.api import SpacePage

PARIS = "Europe/Paris"
TIME_ZONES = [
    (PARIS, _("Paris (métropole)")),
    ("America/Guadeloupe", _("Guadeloupe")),
    ("America/Martinique", _("Martinique")),
    ("America/Cayenne", _("Guyane")),
    ("Indian/Reunion", _("La Réunion")),
    ("Indian/Mayotte", _("Mayotte")),
]
# The time zone of the overseas départements, by code; every other one is Paris's.
DEPARTEMENT_TIME_ZONES = {
    "971": "America/Guadeloupe",
    "972": "America/Martinique",
    "973": "America/Cayenne",
    "974": "Indian/Reunion",
    "976": "Indian/Mayotte",
}


class EventFormat(models.TextChoices):
    """How the meeting is held; barcamps and open forums get their own programme."""

    RENCONTRE = "rencontre", _("Rencontre thématique")
    VISITE = "visite", _("Visite de site")
    WEBINAIRE = "webinaire", _("Webinaire")
    NATIONAL = "national", _("Rassemblement national")
    BARCAMP = "barcamp", _("Barcamp")
    FORUM = "forum", _("Forum ouvert")
    AUTRE = "autre", _("Autre")


class RegistrationStatus(models.TextChoices):
    CONFIRMED = "confirmed", _("Inscrit·e")
    WAITING = "waiting", _("Sur liste d’attente")


class EventQuerySet(models.QuerySet):
    def listed(self):
        """Archived events leave the agenda, its feeds and the home page; their page stays."""
        return self.filter(archived=False)

    def visible_to(self, user):
        """Network-wide events, and events of the spaces the user sees."""
        spaces = SpacePage.objects.visible_to(user).values("pk")
        return self.filter(Q(space__isnull=True) | Q(space__in=spaces))

    def upcoming(self, now=None):
        return self.filter(end_at__gte=now or timezone.now()).order_by("start_at", "pk")

    def past(self, now=None):
        return self.filter(end_at__lt=now or timezone.now()).order_by("-start_at", "-pk")

    def with_registration_counts(self):
        """`confirmed_count` in a correlated subquery: pages and counts stay cheap however
        many registrations there are."""
        confirmed = (
            Registration.objects.filter(event=OuterRef("pk"), status=RegistrationStatus.CONFIRMED)
            .order_by()
            .values("event")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return self.annotate(
            confirmed_count=Coalesce(Subquery(confirmed, output_field=IntegerField()), 0)
        )

    def for_listing(self):
        """What a card shows: of its space, the title only (not every column of Wagtail's
        page table, costly to compile and to read)."""
        return (
            self.select_related("departement__region", "space")
            .only(*EVENT_COLUMNS, *LISTED_RELATED)
            .prefetch_related("thematiques")
            .with_registration_counts()
        )


class Event(ClusterableModel):
    """An event; its programme, workshops, registration questions and the documents and
    photos of its minutes are edited with it in the admin (modelcluster children)."""

    format = models.CharField(
        _("format"), max_length=20, choices=EventFormat.choices, default=EventFormat.RENCONTRE
    )
    title = models.CharField(_("titre"), max_length=200)
    description = models.TextField(
        _("description"),
        max_length=8000,
        help_text=_(
            "Programme, public attendu, intervenants. Texte simple : les liens et "
            "les retours à la ligne sont conservés."
        ),
    )
    start_at = models.DateTimeField(_("début"), db_index=True)
    end_at = models.DateTimeField(_("fin"), db_index=True)
    address = models.CharField(_("adresse"), max_length=255, blank=True)
    commune = models.CharField(_("commune"), max_length=120, blank=True)
    departement = models.ForeignKey(
        "taxonomy.Departement",
        verbose_name=_("département"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="events",
    )
    online_url = models.URLField(
        _("lien de connexion"),
        blank=True,
        help_text=_("Pour un webinaire ou un événement hybride ; visible des seuls inscrits."),
    )
    thematiques = models.ManyToManyField(
        "taxonomy.Thematique", verbose_name=_("thématiques"), blank=True, related_name="+"
    )
    space = models.ForeignKey(
        SpacePage,
        verbose_name=_("démarche"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="events",
        help_text=_("Vide pour un événement de tout le réseau."),
    )
    capacity = models.PositiveIntegerField(
        _("nombre de places"),
        null=True,
        blank=True,
        help_text=_("Vide : places illimitées."),
    )
    registrations_enabled = models.BooleanField(_("inscriptions en ligne"), default=True)
    registration_opens_at = models.DateTimeField(
        _("ouverture des inscriptions"),
        null=True,
        blank=True,
        help_text=_("Vide : dès maintenant."),
    )
    registration_closes_at = models.DateTimeField(
        _("clôture des inscriptions"),
        null=True,
        blank=True,
        help_text=_("Vide : jusqu’au début de l’événement."),
    )
    organiser = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("organisateur·rice"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="organised_events",
    )
    time_zone = models.CharField(
        _("fuseau horaire"),
        max_length=40,
        choices=TIME_ZONES,
        blank=True,
        help_text=_("Vide : celui du département (outre-mer), sinon l’heure de Paris."),
    )
    archived = models.BooleanField(
        _("archivé"),
        default=False,
        help_text=_("Un événement archivé quitte l’agenda ; sa page reste en ligne."),
    )
    minutes_summary = RichTextField(
        _("compte rendu"),
        blank=True,
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"],
    )
    participants_count = models.PositiveIntegerField(
        _("nombre de participants"), null=True, blank=True
    )
    structures_count = models.PositiveIntegerField(
        _("nombre de structures présentes"), null=True, blank=True
    )
    minutes_published = models.BooleanField(
        _("compte rendu publié"),
        default=False,
        help_text=_(
            "Cocher pour le montrer sur la page : abonnés et inscrits en sont prévenus une fois."
        ),
    )
    minutes_notified_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(_("créé le"), auto_now_add=True)
    updated_at = models.DateTimeField(_("modifié le"), auto_now=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = EventQuerySet.as_manager()

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")
        ordering = ["start_at", "pk"]
        indexes = [
            models.Index(fields=["format", "start_at"]),
            models.Index(fields=["archived", "end_at"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_at__gte=models.F("start_at")), name="events_end_after_start"
            )
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("events:detail", args=[self.pk])

    def is_visible_to(self, user):
        return self.space is None or self.space.is_visible_to(user)

    @property
    def tzname(self):
        """Its own zone, else its département's, else Paris's."""
        if self.time_zone:
            return self.time_zone
        code = self.departement.code if self.departement_id else None
        return DEPARTEMENT_TIME_ZONES.get(code, PARIS)

    @property
    def tz_label(self):
        return dict(TIME_ZONES)[self.tzname]

    @property
    def tzinfo(self):
        return ZoneInfo(self.tzname)

    @property
    def region(self):
        return self.departement.region if self.departement else None

    @property
    def is_online(self):
        return bool(self.online_url) and not (self.address or self.commune)

    @property
    def is_past(self):
        return self.end_at < timezone.now()

    @property
    def fingerprint(self):
        """The event's own fields as they are, a key for the cached fragment of its page
        (what it shows of other tables expires it by itself)."""
        values = [getattr(self, field.attname) for field in self._meta.concrete_fields]
        return hashlib.sha256(json.dumps(values, default=str).encode()).hexdigest()

    def registration_closes(self):
        return self.registration_closes_at or self.start_at

    @property
    def remaining_places(self):
        """Places left according to the `confirmed_count` annotation; None when unlimited."""
        return self.places_left(self.confirmed_count)

    def places_left(self, confirmed_count):
        if self.capacity is None:
            return None
        return max(self.capacity - confirmed_count, 0)


# Every column of an event, its département and région: `for_listing` narrows the
# columns of its space only.
EVENT_COLUMNS = [field.name for field in Event._meta.concrete_fields]
LISTED_RELATED = ["departement__code", "departement__name", "departement__region", "space__title"]


class Registration(models.Model):
    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="registrations")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("membre"),
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    status = models.CharField(
        _("statut"),
        max_length=10,
        choices=RegistrationStatus.choices,
        default=RegistrationStatus.CONFIRMED,
    )
    workshops = models.ManyToManyField(
        "events.Workshop", verbose_name=_("ateliers"), blank=True, related_name="registrations"
    )
    attended = models.BooleanField(_("présent·e"), default=False, db_default=False)
    created_at = models.DateTimeField(_("inscrit·e le"), auto_now_add=True)

    class Meta:
        verbose_name = _("inscription")
        verbose_name_plural = _("inscriptions")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "user"], name="events_one_registration")
        ]
        indexes = [models.Index(fields=["event", "status", "created_at"])]

    def __str__(self):
        return f"{self.user} · {self.event}"
