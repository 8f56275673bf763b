"""{% load mentions_tags %} {{ text|comment_text|mentions }}: mentions become links to the
member's profile; everything else is escaped (or kept as the safe HTML it already is)."""

from django import template

from mentions.rendering import link_mentions

register = template.Library()


@register.filter(is_safe=True)
def mentions(value):
    return link_mentions(value)
