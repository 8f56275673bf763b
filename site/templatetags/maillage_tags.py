from django import template
from django.apps import apps
from django.conf import settings
from django.urls import NoReverseMatch, reverse
from wagtail.models import Page, Site

register = template.Library()


def _item_url(item, request):
    if "url_name" in item:
        try:
            return reverse(item["url_name"])
        except NoReverseMatch:
            return None
    try:
        model = apps.get_model(item["page_type"])
    except LookupError:
        return None
    page = model.objects.live().public().first()
    return page.get_url(request) if page else None


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    """The header navigation: only sections that exist on this site are shown."""
    request = context.get("request")
    items = []
    for item in settings.MAILLAGE_NAVIGATION:
        url = _item_url(item, request)
        if url:
            current = bool(request) and request.path.startswith(url) and url != "/"
            items.append({"label": item["label"], "url": url, "current": current})
    return {"items": items}


@register.simple_tag(takes_context=True)
def home_url(context):
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    root: Page | None = site.root_page if site else None
    return root.get_url(request) if root else "/"
