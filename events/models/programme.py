"""The programme of an event (timed items, over one or several days) and its parallel
workshops, each with its own capacity."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable


class ProgrammeItem(ClusterableModel, Orderable):
    """A timed point of the programme. A cluster itself, so that its speakers (a
    ParentalManyToManyField) are written when it is saved, in the admin as elsewhere."""

    event = ParentalKey("events.Event", on_delete=models.CASCADE, related_name="programme_items")
    start_at = models.DateTimeField(_("début"))
    end_at = models.DateTimeField(_("fin"))
    title = models.CharField(_("titre"), max_length=200)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    speakers = ParentalManyToManyField(
        settings.AUTH_USER_MODEL, verbose_name=_("intervenant·es membres"), blank=True
    )
    speakers_text = models.CharField(
        _("autres intervenant·es"),
        max_length=255,
        blank=True,
        help_text=_("Noms et structures des intervenant·es qui ne sont pas membres."),
    )
    room = models.CharField(_("salle"), max_length=120, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("start_at"), FieldPanel("end_at"), FieldPanel("room")]),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("speakers"), FieldPanel("speakers_text")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("point du programme")
        verbose_name_plural = _("programme")
        ordering = ["start_at", "sort_order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_at__gte=models.F("start_at")), name="events_item_end_after_start"
            )
        ]

    def __str__(self):
        return self.title


class Workshop(Orderable):
    """An atelier run in parallel with others; registrants choose theirs when they
    register, up to its capacity."""

    event = ParentalKey("events.Event", on_delete=models.CASCADE, related_name="workshops")
    title = models.CharField(_("titre"), max_length=200)
    description = models.TextField(_("description"), max_length=2000, blank=True)
    start_at = models.DateTimeField(_("début"))
    end_at = models.DateTimeField(_("fin"))
    room = models.CharField(_("salle"), max_length=120, blank=True)
    capacity = models.PositiveIntegerField(
        _("nombre de places"), null=True, blank=True, help_text=_("Vide : places illimitées.")
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel(
            [
                FieldPanel("start_at"),
                FieldPanel("end_at"),
                FieldPanel("room"),
                FieldPanel("capacity"),
            ]
        ),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("atelier")
        verbose_name_plural = _("ateliers")
        ordering = ["start_at", "sort_order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_at__gte=models.F("start_at")),
                name="events_workshop_end_after_start",
            )
        ]

    def __str__(self):
        return self.title

    def overlaps(self, other):
        return self.start_at < other.end_at and other.start_at < self.end_at
