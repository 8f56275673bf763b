from django.db.models import Count
from django.urls import reverse

from barcamp.models import BarcampSettings


def targets():
    """The published grid and the session list of the barcamp with most sessions."""
    barcamp = (
        BarcampSettings.objects.filter(schedule_published=True, event__space__isnull=True)
        .annotate(n=Count("sessions"))
        .order_by("-n", "pk")
        .first()
    )
    if barcamp is None:
        return []
    return [
        {"name": "grille de barcamp", "path": reverse("barcamp:grid", args=[barcamp.event_id])},
        {
            "name": "sessions de barcamp (membre)",
            "path": reverse("barcamp:sessions", args=[barcamp.event_id]),
            "login": True,
        },
    ]
