import time

from django import template
from django.apps import apps
from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.forms.models import ModelChoiceIterator
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Site

from maillage import table_versions

register = template.Library()


# The fragments and layout values (`_kept`) this process computed or read lately, kept
# apart from `table_versions.local_values`: that memo is shared with every other cached
# value (a long discussion's comment fragments alone fill it) and unpickles each read,
# which text that no caller changes does not need. The layout's fragments (head, header,
# account links, footer), home link and menu, asked on every page, stay here.
fragments = table_versions.LocalMemo(size=512)


def _kept(key, compute, timeout):
    """`table_versions.cached` for a value that no caller changes (text, tuples of text),
    its process copy in `fragments`."""
    return table_versions.cached(key, compute, timeout, memo=fragments)


def _cached_per_site(name, request, compute):
    """Layout data every page shows, recomputed only when the tables it reads change."""
    return _kept(f"layout:{name}:{request.get_host() if request else ''}", compute, 3600)


def _item_url(item, request):
    if "url_name" in item:
        return reverse(item["url_name"])
    page = apps.get_model(item["page_type"]).objects.live().public().first()
    return page.get_url(request) if page else None


@register.simple_tag(takes_context=True)
def main_nav(context):
    """The header navigation: a section whose index page is not published yet is left out.
    Its HTML, named by the links it shows and the one the page is in (aria-current), is
    rendered once per section rather than on every page."""
    request = context.get("request")
    links = _cached_per_site(
        "nav",
        request,
        lambda: tuple(
            (str(item["label"]), url)
            for item in settings.MAILLAGE_NAVIGATION
            if (url := _item_url(item, request))
        ),
    )
    path = request.path if request else ""
    items = [
        {"label": label, "url": url, "current": url != "/" and path.startswith(url)}
        for label, url in links
    ]
    html = _kept(
        table_versions.key("layout:nav-html", get_language(), items),
        lambda: render_to_string("includes/main_nav.html", {"items": items}),
        3600,
    )
    return mark_safe(html)  # the template's own output, escaped there


@register.simple_tag(takes_context=True)
def home_url(context):
    request = context.get("request")

    def compute():
        site = Site.find_for_request(request) if request else None
        return site.root_page.get_url(request) if site else "/"

    return _cached_per_site("home", request, compute)


FRAGMENT_SECONDS = 3600


@register.tag
def exactcache(parser, token):
    """{% exactcache "name" part... [every=60] %}...{% endexactcache %}

    The enclosed HTML, rendered once per value of its parts (and site, language, and static
    files' manifest, so that `{% static %}` URLs inside stay those of the files served) and
    served again while no table it read has been written (`maillage.table_versions`): a vote
    expires the fragments that read votes and nothing else, with no code to empty it.
    `every=N` also renews it every N seconds, for content that changes with the clock
    (phases under way, upcoming events). The fragment is shared by everyone whose parts
    are equal: it must hold nothing personal that its parts do not name, and no CSRF token.
    """
    name, *bits = token.split_contents()[1:]
    every = None
    parts = []
    for bit in bits:
        if bit.startswith("every="):
            every = int(bit.removeprefix("every="))
        else:
            parts.append(parser.compile_filter(bit))
    nodelist = parser.parse(("endexactcache",))
    parser.delete_first_token()
    return ExactCacheNode(parser.compile_filter(name), parts, every, nodelist)


class ExactCacheNode(template.Node):
    def __init__(self, name, parts, every, nodelist):
        self.name, self.parts, self.every, self.nodelist = name, parts, every, nodelist

    def render(self, context):
        request = context.get("request")
        parts = [str(part.resolve(context)) for part in self.parts]
        if self.every:
            parts.append(int(time.time() // self.every))
        key = table_versions.key(
            "fragment",
            self.name.resolve(context),
            request.get_host() if request else "",
            get_language(),
            # The manifest's digest changes with any static file (Django's manifest storage).
            getattr(staticfiles_storage, "manifest_hash", ""),
            *parts,
        )
        return _kept(key, lambda: self.nodelist.render(context), FRAGMENT_SECONDS)


@register.simple_tag
def form_fingerprint(form):
    """Everything a rendered form shows, as a key for `exactcache`: its class, each
    field's label, help, value, errors and widget, and its choices.

    Choices drawn from a queryset are named by the queryset (its SQL and parameters, the
    field's class, empty label and key) without being read: on a miss the fragment reads
    them while it renders, so it notes their tables and a new thématique expires it
    (`maillage.table_versions`). Other choices (fixed ones, or ones a page computes, such
    as counts) are in the key as they are."""
    parts = [type(form).__module__, type(form).__qualname__, form.prefix]
    for bound in form:
        field, widget = bound.field, bound.field.widget
        parts.append(
            [
                bound.name,
                str(bound.label),
                str(bound.help_text),
                str(bound.value()),
                # An empty error list would still render its template, to "".
                str(bound.errors) if bound.errors else "",
                field.required,
                field.disabled,
                type(widget).__name__,
                {name: str(value) for name, value in widget.attrs.items()},
                _choices_fingerprint(widget),
            ]
        )
    return table_versions.key("form", parts)


def _choices_fingerprint(widget):
    choices = getattr(widget, "choices", None)
    if choices is None:
        return None
    if isinstance(choices, ModelChoiceIterator) and not choices.queryset._prefetch_related_lookups:
        # Iterated afresh (`QuerySet.iterator()`) each time the widget renders.
        field = choices.field
        sql, params = choices.queryset.query.sql_with_params()
        return [
            type(field).__module__,
            type(field).__qualname__,
            getattr(field.label_from_instance, "__qualname__", ""),
            str(field.empty_label),
            field.to_field_name,
            sql,
            [repr(param) for param in params],
        ]
    # What the widget renders from; iter() spares the COUNT that list() would ask first.
    widget.choices = list(iter(choices))
    return [(str(value), str(label)) for value, label in widget.choices]
