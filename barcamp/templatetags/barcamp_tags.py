from django import template

from barcamp.models import BarcampSettings, Session
from barcamp.rules import access

register = template.Library()


@register.inclusion_tag("barcamp/includes/event_section.html", takes_context=True)
def barcamp_section(context, event):
    """The barcamp box of an event page (nothing when the event is not a barcamp):
    pitch, choose, grid and organisers' links, in four queries at most."""
    barcamp = BarcampSettings.objects.filter(event_id=event.pk).select_related("event").first()
    if barcamp is None:
        return {"barcamp": None}
    request = context["request"]
    return {
        "barcamp": barcamp,
        "rights": access(request.user, barcamp),
        "session_count": Session.objects.filter(barcamp=barcamp).count(),
        "request": request,
    }
