"""The gazette on the site: the archive of issues (with its RSS feed) and the issues,
composed in the Wagtail admin and sent from it."""

import datetime
import hashlib
import json

from django import forms
from django.contrib.postgres.fields import ArrayField
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.search import index

from content.listing import lazy_paginate
from content.pages import BasePage
from gazette import emails, personal
from gazette.blocks import GazetteBodyBlock
from gazette.feeds import IssueFeed
from members.models import StructureType
from members.roles import ROLE_DESCRIPTIONS

# Without a previous issue, the automatic blocks look this far back.
FIRST_ISSUE_LOOKBACK = datetime.timedelta(days=30)


class GazetteIndexPage(RoutablePageMixin, BasePage):
    """/gazette/: the past issues, newest first, and their RSS feed."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["gazette.GazetteIssuePage"]
    max_count = 1

    class Meta:
        verbose_name = _("index de la gazette")

    def issues(self):
        return GazetteIssuePage.objects.child_of(self).live().public().order_by("-date", "-pk")

    @path("")
    def archive(self, request):
        page_obj, query_string, results_key = lazy_paginate(request, self.issues())
        return self.render(
            request,
            context_overrides={
                "page_obj": page_obj,
                "query_string": query_string,
                "results_key": results_key,
            },
        )

    @path("flux/")
    def feed(self, request):
        return IssueFeed(self)(request)


class IssueAdminForm(WagtailAdminPageForm):
    """Structure types and roles are lists of codes: ticked in boxes."""

    audience_structure_types = forms.MultipleChoiceField(
        label=_("types de structure"),
        choices=StructureType.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    audience_roles = forms.MultipleChoiceField(
        label=_("rôles"),
        choices=[(name, name) for name in ROLE_DESCRIPTIONS],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )


class GazetteIssuePage(BasePage):
    """One issue: its body, and who receives it. Sending is not a page field (a later
    revision must not undo it): see `gazette.models.Sending` and `gazette.sending`."""

    date = models.DateField(
        _("date du numéro"),
        default=datetime.date.today,
        db_index=True,
        help_text=_("Affichée en tête du numéro ; l’archive est classée par date."),
    )
    body = StreamField(GazetteBodyBlock(), verbose_name=_("contenu"), blank=True)
    audience_thematiques = ParentalManyToManyField(
        "taxonomy.Thematique",
        verbose_name=_("thématiques"),
        blank=True,
        related_name="+",
        help_text=_("Les abonnés qui suivent au moins une de ces thématiques dans leur profil."),
    )
    audience_regions = ParentalManyToManyField(
        "taxonomy.Region", verbose_name=_("régions"), blank=True, related_name="+"
    )
    audience_departements = ParentalManyToManyField(
        "taxonomy.Departement",
        verbose_name=_("départements"),
        blank=True,
        related_name="+",
        help_text=_("Avec les régions : les abonnés situés dans l’une ou l’autre."),
    )
    audience_structure_types = ArrayField(
        models.CharField(max_length=32, choices=StructureType.choices),
        verbose_name=_("types de structure"),
        default=list,
        blank=True,
    )
    audience_roles = ArrayField(
        models.CharField(max_length=80),
        verbose_name=_("rôles"),
        default=list,
        blank=True,
    )
    audience_space = models.ForeignKey(
        "participation.SpacePage",
        verbose_name=_("abonnés d’une démarche"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Seulement les membres qui suivent cette démarche."),
    )

    base_form_class = IssueAdminForm
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("date"),
        FieldPanel("body"),
    ]
    audience_panels = [
        MultiFieldPanel(
            [
                FieldPanel("audience_thematiques", widget=forms.CheckboxSelectMultiple),
                FieldPanel("audience_regions"),
                FieldPanel("audience_departements"),
                FieldPanel("audience_structure_types"),
                FieldPanel("audience_roles"),
                FieldPanel("audience_space"),
            ],
            heading=_("Destinataires"),
            help_text=_(
                "Sans aucun critère : tous les abonnés, partenaires compris. Avec des "
                "critères : les membres abonnés qui les remplissent tous (au moins une "
                "case cochée dans chaque critère rempli). Le nombre de destinataires "
                "s’affiche avant l’envoi."
            ),
        )
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Contenu")),
            ObjectList(audience_panels, heading=_("Destinataires")),
            ObjectList(BasePage.promote_panels, heading=_("Référencement")),
            ObjectList(BasePage.settings_panels, heading=_("Réglages")),
        ]
    )
    search_fields = [*BasePage.search_fields, index.FilterField("date")]

    parent_page_types = ["gazette.GazetteIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("numéro de la gazette")
        verbose_name_plural = _("numéros de la gazette")

    @property
    def has_audience(self):
        """Whether the issue goes to some members only (else to every subscriber)."""
        return bool(
            self.audience_thematiques.all()
            or self.audience_regions.all()
            or self.audience_departements.all()
            or self.audience_structure_types
            or self.audience_roles
            or self.audience_space_id
        )

    def novelties_since(self):
        """When "what's new" starts: the date of the previous issue."""
        previous = (
            GazetteIssuePage.objects.live()
            .sibling_of(self, inclusive=False)
            .filter(date__lt=self.date)
            .order_by("-date")
            .values_list("date", flat=True)
            .first()
        )
        start = previous or (self.date - FIRST_ISSUE_LOOKBACK)
        return timezone.make_aware(datetime.datetime.combine(start, datetime.time.min))

    def generic_reader(self):
        return personal.fill([personal.Reader()], self.novelties_since())[0]

    @property
    def body_fingerprint(self):
        """The body as stored (or as previewed), a key for its cached web version."""
        raw = json.dumps(list(self.body.raw_data), sort_keys=True, default=str)
        return hashlib.sha256(raw.encode()).hexdigest()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Read when the body is rendered, not when its cached version is served.
        context["gazette_reader"] = SimpleLazyObject(self.generic_reader)
        return context

    @property
    def preview_modes(self):
        return [("", _("Version du site")), ("email", _("E-mail, tel que vous le recevriez"))]

    def serve_preview(self, request, mode_name):
        if mode_name == "email":
            reader = personal.reader_for(request.user)
            personal.fill([reader], self.novelties_since())
            message = emails.build(self, reader, request.user.email, unsubscribe_url=None)
            return HttpResponse(message.alternatives[0].content)
        return super().serve_preview(request, mode_name)
