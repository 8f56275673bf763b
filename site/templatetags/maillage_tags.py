from django import template
from django.apps import apps
from django.conf import settings
from django.urls import reverse
from wagtail.models import Site

from maillage.table_versions import cached

register = template.Library()


def _cached_per_site(name, request, compute):
    """Layout data every page shows, recomputed only when the tables it reads change."""
    return cached(f"layout:{name}:{request.get_host() if request else ''}", compute, 3600)


def _item_url(item, request):
    if "url_name" in item:
        return reverse(item["url_name"])
    page = apps.get_model(item["page_type"]).objects.live().public().first()
    return page.get_url(request) if page else None


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    """The header navigation: a section whose index page is not published yet is left out."""
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
