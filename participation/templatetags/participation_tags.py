"""The tags other modules' templates use:

{% load participation_tags %}
{% comments_section object %}      the thread and its form, for any commentable object
{% follow_button object %}          follow / unfollow (spaces, content, thématiques, members)
{% report_url object %}             URL of the report form for reportable content
{% activity_feed space=None limit=8 %}  "Dernières contributions"
{% notifications_link %}            header item with the unread count
{% object_panels object %}          the panels other modules registered for the object's page
{% visibility_class as audience %}  who sees the same spaces: a key for shared fragments
{{ text|comment_text }}             plain text with safe links and line breaks
"""

from django import template
from django.template.defaultfilters import stringfilter
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe

from participation import card_notices, registry
from participation.comments import api as comments
from participation.notifications import api as notifications
from participation.spaces.api import SpacePage
from participation.spaces.api import visibility_class as spaces_visibility_class
from participation.utils import content_type_for

register = template.Library()


@register.inclusion_tag("participation/comments/section.html", takes_context=True)
def comments_section(context, obj):
    return comments.section_context(context["request"], obj)


@register.inclusion_tag("participation/includes/follow_button.html", takes_context=True)
def follow_button(context, obj):
    request = context["request"]
    anchor = notifications.follow_anchor(obj)
    return {
        "request": request,
        "target": obj,
        "content_type": content_type_for(obj),
        "anchor": anchor,
        "is_following": notifications.is_following(request.user, obj),
        # After a follow without JavaScript: its confirmation, here rather than at the top.
        "notice": card_notices.take(request, anchor),
    }


@register.simple_tag
def report_url(obj):
    return reverse("participation:report", args=[content_type_for(obj).pk, obj.pk])


@register.inclusion_tag("participation/includes/activity_feed.html", takes_context=True)
def activity_feed(context, space=None, limit=8):
    activities = notifications.feed(context["request"].user, space)
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


@register.simple_tag(takes_context=True)
def visibility_class(context):
    return spaces_visibility_class(context["request"].user)


@register.inclusion_tag("participation/includes/notifications_link.html", takes_context=True)
def notifications_link(context):
    return {"unread": notifications.unread_count(context["request"].user)}


@register.simple_tag(takes_context=True)
def unread_notifications(context):
    """The member's unread notifications, for the phone header (site's header_alerts)."""
    return notifications.unread_count(context["request"].user)


@register.simple_tag(takes_context=True)
def object_panels(context, obj):
    """What other modules show on `obj`'s page (participation.registry.register_object_panel),
    rendered by their own templates (which escape what they show)."""
    request = context["request"]
    return mark_safe(
        "".join(
            render_to_string(template, panel_context, request)
            for template, panel_context in registry.object_panels(obj, request)
        )
    )


@register.filter(is_safe=True, needs_autoescape=True)
@stringfilter
def comment_text(value, autoescape=True):
    """Escape, then turn URLs into links (rel="nofollow") and newlines into <br>."""
    return comments.comment_text(value)
