"""The abstract page holding what every public content page of the site shares."""

import hashlib
import json
import uuid

from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.blocks import StreamValue
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from maillage import table_versions


def view_restrictions(page):
    """The view restrictions of a saved page and its ancestors, read once and kept with the
    exact invalidation of the page tree and the restrictions (a new restriction, or a
    moved page, expires them): Wagtail asks before serving, and the comments' visibility
    check asks on every page that shows comments."""
    return table_versions.cached(
        table_versions.key("view-restrictions", page.pk, page.path),
        lambda: list(Page.get_view_restrictions(page)),
        3600,
    )


def breadcrumb_ancestors(page):
    """The ancestors the breadcrumbs show (below the tree's root), read once and kept with
    the exact invalidation of the page tree: a renamed or moved page expires them. A page
    being previewed reads them afresh (its tree may live in memory only)."""
    if page.pk is None or getattr(page, "previewing", False):
        return list(page.get_ancestors().filter(depth__gte=2))
    return table_versions.cached(
        table_versions.key("breadcrumbs", page.pk, page.path),
        lambda: list(page.get_ancestors().filter(depth__gte=2)),
        3600,
    )


class CachedViewRestrictions:
    """For a page type: Wagtail's view restrictions (this page's and its ancestors'), from
    `view_restrictions`, so that the check before serving and the comments' visibility
    check (`.exists()`) send no query. Put it before `Page` in the bases."""

    def get_view_restrictions(self):
        if self.pk is None:
            return super().get_view_restrictions()
        rows = view_restrictions(self)
        restrictions = PageViewRestriction.objects.filter(pk__in=[row.pk for row in rows])
        restrictions._result_cache = rows  # already read: iterating or `.exists()` asks nothing
        return restrictions


class BasePage(CachedViewRestrictions, Page):
    """A public page with a chapô, breadcrumbs and the meta that search engines and
    social networks read."""

    introduction = models.TextField(
        _("chapô"),
        max_length=600,
        blank=True,
        help_text=_(
            "Deux ou trois phrases qui résument la page ; reprises dans les listes, "
            "les flux et les partages."
        ),
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read (from the exact cache) only when the breadcrumbs are rendered.
        context["ancestors"] = SimpleLazyObject(lambda: breadcrumb_ancestors(self))
        return context

    @property
    def fingerprint(self):
        """The page's own fields as they are, a key for the cached fragments of its page
        (what they show of other tables expires them by itself). A preview never gets
        the same one twice: its relations live in memory, not in tables."""
        if getattr(self, "previewing", False):
            return uuid.uuid4().hex
        values = []
        for field in self._meta.concrete_fields:
            value = getattr(self, field.attname)
            values.append(list(value.raw_data) if isinstance(value, StreamValue) else value)
        return hashlib.sha256(json.dumps(values, default=str).encode()).hexdigest()

    def serve_preview(self, request, mode_name):
        self.previewing = True
        return super().serve_preview(request, mode_name)

    @property
    def meta_description(self):
        return self.search_description or self.introduction

    @property
    def social_image(self):
        """The image shared on social networks; pages with a visual override it."""
        return None
