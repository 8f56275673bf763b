"""The panorama's editorial side: the analysis editors write above the live figures, and
the dated snapshots that freeze the figures to compare years."""

from django.conf import settings
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField

from content.pages import BasePage


class PanoramaPage(BasePage):
    """The analysis shown above the figures of `/membres/panorama/`. The figures are live
    and belong to that address, so the page sends its visitors there."""

    analysis = RichTextField(
        _("analyse"),
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        blank=True,
        help_text=_(
            "Ce que disent les chiffres : affiché au-dessus du panorama, qui reste calculé "
            "en direct."
        ),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("analysis")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = _("page du panorama des acteurs")

    def serve(self, request, *args, **kwargs):
        return redirect("members:panorama")

    def get_url_parts(self, request=None):
        """Links to the page (menus, search, sitemap) point at the live panorama."""
        parts = super().get_url_parts(request)
        if parts is None:
            return None
        site_id, root_url, _path = parts
        return site_id, root_url, reverse("members:panorama")


class PanoramaSnapshot(models.Model):
    """The panorama's figures frozen at a date: later profile changes leave them alone."""

    title = models.CharField(
        _("titre"),
        max_length=120,
        help_text=_("Par exemple « Panorama 2025 »."),
    )
    taken_at = models.DateTimeField(_("chiffres arrêtés le"), auto_now_add=True)
    figures = models.JSONField(_("chiffres"), default=dict, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("publié par"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )

    class Meta:
        ordering = ["-taken_at"]
        verbose_name = _("instantané du panorama")
        verbose_name_plural = _("instantanés du panorama")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("members:panorama_snapshot", args=[self.pk])
