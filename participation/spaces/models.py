"""Participatory spaces ("démarches"): a Wagtail page with its phases, the modules it uses
and who may see it. Modules and actions are codes the modules register: adding a module
changes nothing here."""

import hashlib
import json
import uuid

from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from content.pages import CachedViewRestrictions
from maillage import member_facts, table_versions
from participation import registry
from participation.roles import is_moderator
from participation.spaces.fields import ActionCodesField, ModuleCodesField

# Phases and spaces read from the exact cache are kept until a table they read is
# written; this bounds how long unread ones stay.
CACHED_SECONDS = 3600


class Action(models.TextChoices):
    """participation's own actions; modules declare theirs in the registry."""

    VIEW = "view", _("Consulter")
    COMMENT = "comment", _("Commenter")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Publique")
    MEMBERS = "members", _("Réservée aux membres connectés")
    PRIVATE = "private", _("Privée : membres invités seulement")


class SpacePageQuerySet(PageQuerySet):
    def visible_to(self, user):
        """Live spaces the user may see; private ones only for their invited members."""
        spaces = self.live()
        if user.is_authenticated and is_moderator(user):
            return spaces
        if not user.is_authenticated or not user.is_active:
            return spaces.filter(visibility=Visibility.PUBLIC)
        invited = SpaceMembership.objects.filter(space=OuterRef("pk"), user=user)
        return spaces.filter(~Q(visibility=Visibility.PRIVATE) | Q(Exists(invited)))


def visibility_class(user):
    """What decides which spaces `visible_to(user)` returns, as a short string: members
    who see the same spaces share it, so that a fragment listing what they may see can be
    cached once for all of them."""
    if user.is_authenticated and is_moderator(user):
        return "moderator"
    if not user.is_authenticated or not user.is_active:
        return "public"
    return "member:" + ",".join(str(pk) for pk in member_facts.value(user, INVITED_SPACES_FACT))


# The private spaces a member is invited to, asked with the member's other per-page facts
# in one query (maillage/member_facts.py).
INVITED_SPACES_FACT = member_facts.Fact(
    "invited_private_spaces",
    lambda user: (
        SpaceMembership.objects.filter(user=user, space__visibility=Visibility.PRIVATE)
        .order_by("space_id")
        .values_list("space_id", flat=True)
    ),
    "list",
)


SpacePageManager = PageManager.from_queryset(SpacePageQuerySet)


class SpacePage(CachedViewRestrictions, Page):
    """A "démarche participative": what is asked, until when, and how members take part."""

    introduction = models.TextField(
        _("introduction"),
        max_length=500,
        help_text=_("Deux ou trois phrases : ce que la démarche cherche à faire, pour qui."),
    )
    objectives = RichTextField(
        _("objectifs"),
        features=["bold", "italic", "link", "ul", "ol"],
        blank=True,
        help_text=_(
            "Ce que la démarche doit produire et comment les contributions seront utilisées."
        ),
    )
    thematiques = ParentalManyToManyField(
        "taxonomy.Thematique", verbose_name=_("thématiques"), blank=True, related_name="+"
    )
    start_date = models.DateField(_("début"), null=True, blank=True)
    end_date = models.DateField(_("fin"), null=True, blank=True)
    modules = ModuleCodesField(_("modules utilisés"), blank=True, default=registry.default_modules)
    visibility = models.CharField(
        _("visibilité"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PUBLIC,
        help_text=_(
            "Une démarche privée (groupe de travail, groupe régional) n’apparaît nulle part "
            "pour les personnes qui n’y sont pas invitées."
        ),
    )
    announced_phase_id = models.PositiveBigIntegerField(null=True, blank=True, editable=False)

    objects = SpacePageManager()

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("objectives"),
        FieldPanel("thematiques", widget=forms.CheckboxSelectMultiple),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")], heading=_("Dates")),
        FieldPanel("modules"),
    ]
    phase_panels = [InlinePanel("phases", heading=_("Phases"), label=_("Phase"))]
    access_panels = [
        FieldPanel("visibility"),
        InlinePanel("memberships", heading=_("Membres invités"), label=_("Membre invité")),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Contenu")),
            ObjectList(phase_panels, heading=_("Phases")),
            ObjectList(access_panels, heading=_("Accès")),
            ObjectList(Page.promote_panels, heading=_("Promotion")),
        ]
    )
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("objectives"),
        index.FilterField("visibility"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []
    template = "participation/space_page.html"

    class Meta:
        verbose_name = _("démarche participative")
        verbose_name_plural = _("démarches participatives")

    # --- Who sees the space ------------------------------------------------------------
    def is_visible_to(self, user):
        if not self.live:
            return False
        if self.visibility == Visibility.PUBLIC:
            return True
        if not user.is_authenticated or not user.is_active:
            return False
        if self.visibility == Visibility.MEMBERS or is_moderator(user):
            return True
        return self.memberships.filter(user=user).exists()

    def serve(self, request, *args, **kwargs):
        if not self.is_visible_to(request.user):
            if self.visibility == Visibility.MEMBERS and not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        return super().get_sitemap_urls(request) if self.visibility == Visibility.PUBLIC else []

    # --- Phases and modules --------------------------------------------------------------
    @cached_property
    def ordered_phases(self):
        """The phases, read from the exact cache (every page of a space asks for them)
        unless they are prefetched or are a revision's (a preview: not yet in the table)."""
        phases = self.phases.all()
        if not isinstance(phases, QuerySet) or phases._result_cache is not None:
            return list(phases)
        key = table_versions.key("space-phases", self.pk)
        return table_versions.cached(key, lambda: list(phases), CACHED_SECONDS)

    @cached_property
    def current_phase(self):
        """The phase an editor forced, otherwise the one whose dates include today."""
        today = timezone.localdate()
        forced = [phase for phase in self.ordered_phases if phase.is_forced]
        if forced:
            return forced[0]
        for phase in self.ordered_phases:
            if phase.start_date <= today and (phase.end_date is None or today <= phase.end_date):
                return phase
        return None

    def uses(self, module):
        """Whether the space uses `module` (a code registered by the module)."""
        return module in self.modules

    def opens(self, action):
        """Whether the space currently lets members do `action` (roles aside): a module's
        action only in a space that uses the module."""
        module = registry.module_of_action(action)
        if module and not self.uses(module):
            return False
        phase = self.current_phase
        return phase is not None and action in phase.actions

    @cached_property
    def fingerprint(self):
        """The space's own fields and its phases as they are, a key for the cached
        fragments of its page: what decides which actions are open, and when. A preview
        never gets the same one twice: its relations (thématiques) live in memory."""
        if getattr(self, "previewing", False):
            return uuid.uuid4().hex
        values = [getattr(self, field.attname) for field in self._meta.concrete_fields]
        values += [
            [getattr(phase, field.attname) for field in phase._meta.concrete_fields]
            for phase in self.ordered_phases
        ]
        return hashlib.sha256(json.dumps(values, default=str).encode()).hexdigest()

    def serve_preview(self, request, mode_name):
        self.previewing = True
        return super().serve_preview(request, mode_name)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = registry.space_sections(self, request)
        return context


def cached_space(*related, live=False, **lookup):
    """The first space matching `lookup` (a live one if `live`) with its `related` objects
    (`select_related`), from the exact cache: the pages of the modules read their space
    on every visit, through Wagtail's page table."""

    def read():
        spaces = SpacePage.objects.live() if live else SpacePage.objects.all()
        return spaces.filter(**lookup).select_related(*related).first()

    key = table_versions.key("space", related, live, lookup)
    return table_versions.cached(key, read, CACHED_SECONDS)


class SpacePhase(Orderable):
    space = ParentalKey(SpacePage, on_delete=models.CASCADE, related_name="phases")
    title = models.CharField(
        _("titre"), max_length=120, help_text=_("Par exemple « Appel à contributions », « Vote ».")
    )
    description = models.TextField(_("description"), max_length=500, blank=True)
    start_date = models.DateField(_("début"))
    end_date = models.DateField(_("fin"), null=True, blank=True)
    actions = ActionCodesField(
        _("ce que la phase ouvre"), blank=True, default=registry.default_actions
    )
    is_forced = models.BooleanField(
        _("forcer comme phase en cours"),
        default=False,
        help_text=_("Ignore les dates : cette phase est la phase en cours."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("actions"),
        FieldPanel("is_forced"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("phase")
        verbose_name_plural = _("phases")

    def __str__(self):
        return self.title

    @property
    def status(self):
        """past, current or upcoming, for the timeline."""
        if self.space.current_phase == self:
            return "current"
        today = timezone.localdate()
        if self.end_date and self.end_date < today:
            return "past"
        return "upcoming" if self.start_date > today else "past"


class SpaceMembership(models.Model):
    """A member invited to a private space."""

    space = ParentalKey(SpacePage, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("membre"),
        on_delete=models.CASCADE,
        related_name="space_memberships",
    )

    panels = [FieldPanel("user")]

    class Meta:
        verbose_name = _("membre invité")
        verbose_name_plural = _("membres invités")
        constraints = [
            models.UniqueConstraint(fields=["space", "user"], name="participation_one_membership")
        ]

    def __str__(self):
        return str(self.user)
