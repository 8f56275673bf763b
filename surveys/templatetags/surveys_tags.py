from django import template

from surveys import services

register = template.Library()


@register.simple_tag
def survey_status(survey):
    """ "upcoming", "open" or "closed" (for the cards)."""
    return services.status(survey)
