"""The tags other modules' templates use:

{% load participation_tags %}
{% comments_section object %}      the thread and its form, for any object
{% follow_button object %}          follow / unfollow (spaces, content, thématiques, members)
{% report_url object %}             URL of the report form for reportable content
{% activity_feed space=None limit=8 %}  "Dernières contributions"
{% notifications_link %}            header item with the unread count
{{ text|comment_text }}             plain text with safe links and line breaks
"""

import re

from django import template
from django.template.defaultfilters import linebreaksbr, stringfilter, urlize
from django.urls import reverse
from django.utils.html import escape

from participation.models import Activity, Notification, SpacePage
from participation.services.follows import is_following
from participation.thread import section_context
from participation.utils import content_type_for

register = template.Library()

# What Django's urlize can turn into a link; text without any of these skips it, since
# urlize costs ten times the escaping on a long thread.
MAY_LINK = re.compile(r"://|www\.|@|\.(?:com|edu|gov|int|mil|net|org)\b", re.IGNORECASE)


@register.inclusion_tag("participation/comments/section.html", takes_context=True)
def comments_section(context, obj):
    return section_context(context["request"], obj)


@register.inclusion_tag("participation/includes/follow_button.html", takes_context=True)
def follow_button(context, obj):
    request = context["request"]
    return {
        "request": request,
        "target": obj,
        "content_type": content_type_for(obj),
        "is_following": is_following(request.user, obj),
    }


@register.simple_tag
def report_url(obj):
    return reverse("participation:report", args=[content_type_for(obj).pk, obj.pk])


@register.inclusion_tag("participation/includes/activity_feed.html", takes_context=True)
def activity_feed(context, space=None, limit=8):
    activities = Activity.objects.visible_to(context["request"].user).for_feed()
    if space is not None:
        activities = activities.filter(space=space)
    return {"activities": activities[:limit], "space": space}


@register.inclusion_tag("participation/includes/open_spaces.html", takes_context=True)
def open_spaces(context, limit=3):
    """The démarches a visitor can take part in now: a phase is under way."""
    spaces = (
        SpacePage.objects.visible_to(context["request"].user)
        .prefetch_related("phases", "thematiques")
        .order_by("-first_published_at")
    )
    return {"spaces": [space for space in spaces[: limit * 4] if space.current_phase][:limit]}


@register.inclusion_tag("participation/includes/notifications_link.html", takes_context=True)
def notifications_link(context):
    user = context["request"].user
    unread = Notification.objects.filter(recipient=user).unread().count()
    return {"unread": unread}


@register.filter(is_safe=True, needs_autoescape=True)
@stringfilter
def comment_text(value, autoescape=True):
    """Escape, then turn URLs into links (rel="nofollow") and newlines into <br>."""
    html = urlize(value, autoescape=True) if MAY_LINK.search(value) else escape(value)
    return linebreaksbr(html, autoescape=True)
