from django import template

from events.models import Event

register = template.Library()


@register.simple_tag(takes_context=True)
def upcoming_events(context, limit=3):
    """The next events the visitor may see, for the home page's "Prochains événements"."""
    request = context["request"]
    return list(Event.objects.visible_to(request.user).listed().for_listing().upcoming()[:limit])
