"""Barcamps and open forums: an event whose programme its participants write on the day.

An event is run in this mode when it has `BarcampSettings` (created by editors in the
Wagtail admin, with the event's rooms and time slots). Registered participants pitch
`Session`s and mark those they want to attend (`Interest`); organisers place each
session in a (time slot, room) cell of the grid and publish it."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

PITCH_MAX_LENGTH = 300


class Mode(models.TextChoices):
    BARCAMP = "barcamp", _("Barcamp")
    FORUM = "forum", _("Forum ouvert")  # the codes of events.EventFormat


class BarcampSettings(ClusterableModel):
    event = models.OneToOneField(
        "events.Event",
        verbose_name=_("événement"),
        on_delete=models.CASCADE,
        related_name="barcamp",
    )
    mode = models.CharField(_("format"), max_length=20, choices=Mode.choices, default=Mode.BARCAMP)
    vote_limit = models.PositiveSmallIntegerField(
        _("sessions choisies par participant·e"),
        default=5,
        help_text=_("Nombre de sessions qu’un·e participant·e peut marquer « Je veux y aller »."),
    )
    pitching_closes_at = models.DateTimeField(
        _("propositions de sessions jusqu’au"),
        null=True,
        blank=True,
        help_text=_("Vide : jusqu’à la fin de l’événement."),
    )
    # Set from the organisers' page (schedule.set_published), which tells participants.
    schedule_published = models.BooleanField(_("grille publiée"), default=False, editable=False)
    published_at = models.DateTimeField(null=True, blank=True, editable=False)

    panels = [
        FieldPanel("event"),
        MultiFieldPanel(
            [
                FieldPanel("mode"),
                FieldPanel("vote_limit"),
                FieldPanel("pitching_closes_at"),
            ],
            heading=_("Règles"),
        ),
        InlinePanel("rooms", heading=_("Salles"), label=_("Salle")),
        InlinePanel("slots", heading=_("Créneaux"), label=_("Créneau")),
    ]

    class Meta:
        verbose_name = _("barcamp ou forum ouvert")
        verbose_name_plural = _("barcamps et forums ouverts")

    def __str__(self):
        return f"{self.get_mode_display()} · {self.event}"

    def get_absolute_url(self):
        return reverse("barcamp:sessions", args=[self.event_id])

    def pitching_closes(self):
        return self.pitching_closes_at or self.event.end_at

    def pitching_open(self, now=None):
        return (now or timezone.now()) < self.pitching_closes()

    def voting_open(self, now=None):
        """Participants choose their sessions until the event ends."""
        return (now or timezone.now()) < self.event.end_at

    def notes_open(self, now=None):
        """Notes are taken once the event has started."""
        return (now or timezone.now()) >= self.event.start_at


class Room(Orderable):
    barcamp = ParentalKey(BarcampSettings, on_delete=models.CASCADE, related_name="rooms")
    name = models.CharField(_("nom"), max_length=80)
    capacity = models.PositiveIntegerField(_("places"))

    panels = [FieldPanel("name"), FieldPanel("capacity")]

    class Meta(Orderable.Meta):
        verbose_name = _("salle")
        verbose_name_plural = _("salles")

    def __str__(self):
        return self.name


class TimeSlot(Orderable):
    barcamp = ParentalKey(BarcampSettings, on_delete=models.CASCADE, related_name="slots")
    starts_at = models.DateTimeField(_("début"))
    ends_at = models.DateTimeField(_("fin"))

    panels = [FieldPanel("starts_at"), FieldPanel("ends_at")]

    class Meta:
        verbose_name = _("créneau")
        verbose_name_plural = _("créneaux")
        ordering = ["starts_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")), name="barcamp_slot_ends_after_start"
            )
        ]

    def __str__(self):
        start, end = timezone.localtime(self.starts_at), timezone.localtime(self.ends_at)
        return f"{start:%d/%m} {start:%H:%M}–{end:%H:%M}"


class SessionQuerySet(models.QuerySet):
    def for_listing(self):
        return self.select_related("pitcher", "thematique", "slot", "room")

    def by_demand(self):
        return self.order_by("-vote_count", "created_at", "pk")


class Session(models.Model):
    barcamp = models.ForeignKey(BarcampSettings, on_delete=models.CASCADE, related_name="sessions")
    title = models.CharField(_("titre"), max_length=150)
    pitch = models.CharField(
        _("pitch"),
        max_length=PITCH_MAX_LENGTH,
        help_text=_("En quelques phrases : ce dont vous voulez parler (300 caractères au plus)."),
    )
    thematique = models.ForeignKey(
        "taxonomy.Thematique",
        verbose_name=_("thématique"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    pitcher = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("proposée par"),
        on_delete=models.CASCADE,
        related_name="barcamp_sessions",
    )
    slot = models.ForeignKey(
        TimeSlot, verbose_name=_("créneau"), on_delete=models.SET_NULL, null=True, blank=True
    )
    room = models.ForeignKey(
        Room, verbose_name=_("salle"), on_delete=models.SET_NULL, null=True, blank=True
    )
    vote_count = models.PositiveIntegerField(default=0, editable=False)
    notes = models.TextField(
        _("notes de la session"),
        max_length=3000,
        blank=True,
        help_text=_("Ce qui s’est dit, les pistes, les contacts échangés (texte simple)."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SessionQuerySet.as_manager()

    class Meta:
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["barcamp", "-vote_count"])]
        constraints = [
            # A room holds one session per slot (NULLs, unplaced sessions, never collide).
            models.UniqueConstraint(fields=["slot", "room"], name="barcamp_one_session_per_cell"),
            models.CheckConstraint(
                condition=Q(slot__isnull=True, room__isnull=True)
                | Q(slot__isnull=False, room__isnull=False),
                name="barcamp_slot_and_room_together",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("barcamp:session", args=[self.pk])

    @property
    def is_scheduled(self):
        return self.slot_id is not None


class Interest(models.Model):
    """« Je veux y aller » : one participant, one session."""

    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="interests")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="barcamp_interests"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("choix de session")
        verbose_name_plural = _("choix de sessions")
        constraints = [
            models.UniqueConstraint(fields=["session", "user"], name="barcamp_one_interest")
        ]
