from django import template
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.urls import NoReverseMatch, reverse
from wagtail.models import Site

from maillage.page_cache import generation

register = template.Library()


def _cached_per_site(name, request, compute):
    """Layout data every page shows, recomputed only when the content changed."""
    key = f"layout:{name}:{request.get_host() if request else ''}:{generation()}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, 3600)
    return value


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
    links = _cached_per_site(
        "nav",
        request,
        lambda: [
            (str(item["label"]), url)
            for item in settings.MAILLAGE_NAVIGATION
            if (url := _item_url(item, request))
        ],
    )
    path = request.path if request else ""
    return {
        "items": [
            {"label": label, "url": url, "current": url != "/" and path.startswith(url)}
            for label, url in links
        ]
    }


@register.simple_tag(takes_context=True)
def home_url(context):
    request = context.get("request")

    def compute():
        site = Site.find_for_request(request) if request else None
        return site.root_page.get_url(request) if site else "/"

    return _cached_per_site("home", request, compute)
