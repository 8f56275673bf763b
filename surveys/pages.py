"""The survey pages: the index at /enquetes/ and each survey, a page built with Wagtail's
form builder (FormMixin) whose questions are inline rows of `SurveyQuestion`."""

from django.db import models
from django.db.models import F, Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.models import AbstractFormField, FormMixin
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from content.listing import lazy_paginate
from content.pages import BasePage
from participation.spaces.api import SpacePage
from surveys import kinds, page_views, profile_fields, services
from surveys.forms import SurveyFormBuilder, SurveyPageAdminForm
from surveys.records import Answer


class SurveyIndexPage(BasePage):
    """/enquetes/: the surveys the visitor may see, open ones first."""

    parent_page_types = ["home.HomePage"]
    subpage_types = ["surveys.SurveyPage"]
    max_count = 1

    class Meta:
        verbose_name = _("index des enquêtes")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        surveys = SurveyPage.objects.child_of(self).visible_to(request.user).for_listing()
        context["page_obj"], context["query_string"], context["results_key"] = lazy_paginate(
            request, surveys
        )
        return context


class SurveyPageQuerySet(PageQuerySet):
    def visible_to(self, user):
        """Live surveys outside any space, and those of the spaces the user sees."""
        spaces = SpacePage.objects.visible_to(user).values("pk")
        return self.live().filter(Q(space__isnull=True) | Q(space__in=spaces))

    def for_listing(self):
        """Surveys still running first (no closing date, then the latest to close)."""
        return self.select_related("space").order_by(F("closes_at").desc(nulls_first=True), "-pk")


SurveyPageManager = PageManager.from_queryset(SurveyPageQuerySet)


class SurveyPage(RoutablePageMixin, FormMixin, BasePage):
    """A questionnaire. Standalone, or a module of a space (`space`): then only who sees
    the space sees it, and members answer while the space's phase opens "answer"."""

    class ResultsVisibility(models.TextChoices):
        PRIVATE = "private", _("Résultats privés (éditeurs seulement)")
        RESPONDENTS = "respondents", _("Publiés aux répondants")
        PUBLIC = "public", _("Publiés à tous")

    space = models.ForeignKey(
        "participation.SpacePage",
        verbose_name=_("démarche"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="surveys",
        help_text=_(
            "Vide : enquête ouverte à tous les membres. Une démarche : seuls ceux qui la "
            "voient voient l’enquête, et ils répondent quand sa phase ouvre les réponses."
        ),
    )
    opens_at = models.DateTimeField(_("ouverture"), null=True, blank=True, db_index=True)
    closes_at = models.DateTimeField(
        _("clôture"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("Les membres peuvent modifier leur réponse jusqu’à cette date."),
    )
    anonymous = models.BooleanField(
        _("réponses anonymes"),
        default=False,
        help_text=_(
            "Les réponses sont enregistrées sans le nom du membre ; on sait seulement qui a "
            "répondu, pour n’accepter qu’une réponse par membre. Une réponse anonyme ne peut "
            "plus être modifiée."
        ),
    )
    open_to_invited = models.BooleanField(
        _("ouverte aux non-membres invités"),
        default=False,
        help_text=_(
            "Les éditeurs envoient un lien personnel par e-mail ; chaque lien vaut pour une "
            "seule réponse."
        ),
    )
    results_visibility = models.CharField(
        _("résultats"),
        max_length=12,
        choices=ResultsVisibility.choices,
        default=ResultsVisibility.PRIVATE,
    )
    results_summary = models.TextField(
        _("synthèse des résultats"),
        max_length=5000,
        blank=True,
        help_text=_("Quelques paragraphes affichés au-dessus des graphiques des résultats."),
    )
    thank_you_text = models.TextField(
        _("message de remerciement"),
        max_length=1000,
        blank=True,
        default="",
        help_text=_("Affiché après l’envoi des réponses."),
    )

    objects = SurveyPageManager()

    form_builder = SurveyFormBuilder
    base_form_class = SurveyPageAdminForm

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("space"),
        FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
        MultiFieldPanel(
            [FieldPanel("anonymous"), FieldPanel("open_to_invited")],
            heading=_("Qui répond"),
        ),
        InlinePanel("form_fields", heading=_("Questions"), label=_("Question")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldPanel("results_visibility"), FieldPanel("results_summary")],
            heading=_("Résultats"),
        ),
    ]

    parent_page_types = ["surveys.SurveyIndexPage"]
    subpage_types = []
    template = "surveys/survey_page.html"
    landing_page_template = "surveys/survey_page_landing.html"

    class Meta:
        verbose_name = _("enquête")
        verbose_name_plural = _("enquêtes")

    def get_form_fields(self):
        return self.form_fields.all()

    def questions(self):
        return self.form_builder(self.get_form_fields()).questions

    def offers_profile_update(self):
        return not self.anonymous and any(q.profile_field for q in self.questions())

    def get_form(self, *args, page=None, user=None, offer_profile_update=False, **kwargs):
        return self.get_form_class()(
            *args, page=self, user=user, offer_profile_update=offer_profile_update, **kwargs
        )

    def get_submission_class(self):
        return Answer

    @path("")
    def answer(self, request):
        return page_views.answer(self, request)

    @path("resultats/")
    def results(self, request):
        return page_views.results(self, request)

    @path("resultats/csv/")
    def results_csv(self, request):
        return page_views.results_csv(self, request)

    @path("reponses/csv/")
    def answers_csv(self, request):
        return page_views.answers_csv(self, request)

    @re_path(r"^invitation/(?P<token>[\w-]+)/$")
    def invitation(self, request, token):
        return page_views.answer(self, request, token=token)

    def serve_preview(self, request, mode_name):
        """The editor's preview shows the form as a member would get it."""
        if mode_name == "landing":
            return self.render_landing_page(request)
        return page_views.answer(self, request)

    def route(self, request, path_components):
        if not services.is_visible_to(self, request.user):
            raise Http404
        return super().route(request, path_components)


class SurveyQuestion(AbstractFormField):
    """A question: Wagtail's form field (label, kind, required, choices, help text), with
    what surveys add: the grid's rows, an "Autre" answer, a maximum of choices, a
    condition on an earlier answer, and the profile field the answer may fill."""

    page = ParentalKey(SurveyPage, on_delete=models.CASCADE, related_name="form_fields")
    field_type = models.CharField(_("type de question"), max_length=16, choices=kinds.CHOICES)
    field_type.required_on_save = True
    choices = models.TextField(
        _("choix"),
        blank=True,
        help_text=_(
            "Un choix par ligne. Pour une grille : les colonnes (par exemple « Oui », « Non »)."
        ),
    )
    rows = models.TextField(
        _("lignes de la grille"), blank=True, help_text=_("Grille de choix : une ligne par ligne.")
    )
    other_choice = models.BooleanField(
        _("proposer « Autre » avec une réponse libre"), default=False
    )
    max_choices = models.PositiveSmallIntegerField(
        _("nombre maximum de choix"),
        null=True,
        blank=True,
        help_text=_("Choix multiple seulement ; vide : pas de limite."),
    )
    condition_question = models.CharField(
        _("afficher seulement si la question"),
        max_length=255,
        blank=True,
        help_text=_("L’intitulé exact d’une question précédente ; vide : toujours affichée."),
    )
    condition_value = models.CharField(
        _("a pour réponse"),
        max_length=255,
        blank=True,
        help_text=_("La réponse (l’un des choix) qui fait apparaître cette question."),
    )
    profile_field = models.CharField(
        _("reprise dans le profil"),
        max_length=64,
        blank=True,
        choices=profile_fields.choices,
        help_text=_(
            "Le champ du profil du membre que la réponse met à jour, s’il coche « Mettre à "
            "jour mon profil »."
        ),
    )

    panels = [
        FieldPanel("label", heading=_("intitulé")),
        FieldPanel("help_text", heading=_("aide")),
        FieldRowPanel(
            [
                FieldPanel("field_type", classname="formbuilder-type", required_on_save=True),
                FieldPanel("required", heading=_("obligatoire")),
            ]
        ),
        FieldPanel("choices"),
        FieldPanel("rows"),
        FieldRowPanel([FieldPanel("other_choice"), FieldPanel("max_choices")]),
        FieldRowPanel([FieldPanel("condition_question"), FieldPanel("condition_value")]),
        FieldPanel("profile_field"),
    ]

    class Meta(AbstractFormField.Meta):
        verbose_name = _("question")
        verbose_name_plural = _("questions")
