from django import template

from gazette.forms import MemberOptInForm
from gazette.subscriptions import is_subscribed

register = template.Library()


@register.inclusion_tag("gazette/includes/member_preference.html", takes_context=True)
def gazette_preference(context):
    """The member's gazette opt-in, for their notification settings page."""
    user = context["request"].user
    form = MemberOptInForm(initial={"subscribed": is_subscribed(user)})
    return {"gazette_form": form, "csrf_token": context.get("csrf_token")}
