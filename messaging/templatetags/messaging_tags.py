"""Template tags of messaging, for the pages of other apps:

{% unread_messages_badge %}   header item: "Messages" with the count of unread conversations
{% unread_conversations as n %}   that count alone (the phone header shows it by the menu)
{% write_to member %}         "Écrire à ce membre" on a profile, or why one cannot
"""

from django import template

from messaging import services
from messaging.rules import blocks_between, refusal_to_write

register = template.Library()


@register.inclusion_tag("messaging/includes/unread_badge.html", takes_context=True)
def unread_messages_badge(context):
    user = context["request"].user
    return {"unread": services.unread_count(user)}


@register.simple_tag(takes_context=True)
def unread_conversations(context):
    return services.unread_count(context["request"].user)


@register.inclusion_tag("messaging/includes/write_to.html", takes_context=True)
def write_to(context, member):
    request = context["request"]
    user = request.user
    context = {"request": request, "member": member, "mine": user.pk == member.pk}
    if user.is_authenticated and not context["mine"]:
        blocks = blocks_between(user, [member])
        context["refusal"] = refusal_to_write(user, [member], blocks=blocks)
        context["has_blocked"] = member.pk in blocks[1]
    return context
