"""The agenda and news widgets for partners' sites, and the page that writes their code.

Each widget comes two ways: a page made to be framed (`…/cadre/`: a whole light HTML
document, no script, its own small stylesheet, links opening on the partner's whole
window) and a bare HTML fragment (`…/fragment/`) that a partner's server includes in its
own pages. Both show only what an anonymous visitor sees, whoever asks (a framed page
should not depend on the reader's session). Only the framed view lifts the site's
`X-Frame-Options` and `frame-ancestors 'self'`, for the origins of
`settings.MAILLAGE_EMBED_FRAME_ANCESTORS`."""

from csp.utils import build_policy
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.clickjacking import xframe_options_exempt

from editorial.models.news import NewsIndexPage, NewsPage
from events.models import Event
from opendata.forms import WidgetForm

DEFAULT_COUNT = 5
KINDS = dict(WidgetForm.KINDS)


def _agenda(filters, count):
    events = Event.objects.visible_to(AnonymousUser()).listed().upcoming()
    if "thematique" in filters:
        events = events.filter(thematiques=filters["thematique"])
    if "departement" in filters:
        events = events.filter(departement=filters["departement"])
    if "region" in filters:
        events = events.filter(departement__region=filters["region"])
    return list(events.select_related("departement")[:count])


def _news(filters, count):
    """News have no territory: only the thématique applies to them."""
    news = NewsPage.objects.live().public().order_by("-date", "-pk")
    if "thematique" in filters:
        news = news.filter(thematiques=filters["thematique"])
    return list(news[:count])


def _widget_context(request, kind):
    if kind not in KINDS:
        raise Http404
    form = WidgetForm(request.GET)
    filters = form.filters()
    context = {"kind": kind, "form": form}
    if filters is None:
        return context, 400
    count = filters.pop("nombre", None) or DEFAULT_COUNT
    filters.pop("kind", None)
    if kind == "agenda":
        context["events"] = _agenda(filters, count)
        for event in context["events"]:
            event.full_url = request.build_absolute_uri(event.get_absolute_url())
        more = reverse("events:agenda")
    else:
        context["news"] = _news(filters, count)
        for page in context["news"]:
            page.full_link = request.build_absolute_uri(page.get_url(request))
        index = NewsIndexPage.objects.live().first()
        more = index.get_url(request) if index else "/"
    context["more_url"] = request.build_absolute_uri(more)
    return context, 200


@xframe_options_exempt
def frame(request, kind):
    """The policy header is written here rather than by a django-csp decorator: the
    anonymous page cache stores the headers a view wrote, and replays them."""
    context, status = _widget_context(request, kind)
    response = render(request, "opendata/widget_frame.html", context, status=status)
    response["Content-Security-Policy"] = build_policy(
        replace={"frame-ancestors": settings.MAILLAGE_EMBED_FRAME_ANCESTORS}
    )
    return response


def fragment(request, kind):
    context, status = _widget_context(request, kind)
    return render(request, "opendata/includes/widget.html", context, status=status)


def generator(request):
    """Pick the filters (a GET form), get the iframe code and the fragment's address."""
    form = WidgetForm(request.GET or None)
    context = {"form": form}
    if form.is_bound and form.is_valid():
        params = {
            name: getattr(value, "slug", None) or getattr(value, "code", None) or value
            for name, value in form.cleaned_data.items()
            if value and name != "kind"
        }
        kind = form.cleaned_data["kind"] or "agenda"
        query = f"?{urlencode(params)}" if params else ""
        context["frame_url"] = request.build_absolute_uri(
            reverse("opendata:widget_frame", args=[kind]) + query
        )
        context["fragment_url"] = request.build_absolute_uri(
            reverse("opendata:widget_fragment", args=[kind]) + query
        )
        context["kind_label"] = KINDS[kind]
    return render(request, "opendata/widget_generator.html", context)
