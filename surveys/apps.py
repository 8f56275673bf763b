from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    name = "surveys"
    verbose_name = _("Enquêtes")

    def ready(self):
        from participation import registry
        from surveys import signals
        from surveys.models import SurveyPage
        from surveys.rules import ANSWER
        from surveys.submissions import SafeSubmissionsListView
        from surveys.views import space_section_context

        signals.connect()
        # Wagtail's submissions views load after the models: its formula-safe export is
        # set here.
        SurveyPage.submissions_list_view_class = SafeSubmissionsListView
        registry.register_module(
            "surveys",  # the spaces that tick "Enquêtes" use it
            label=_("Enquêtes"),
            actions={ANSWER: _("Répondre aux enquêtes")},  # what a phase may open
            section=registry.SpaceSection(
                title=_("Enquêtes"),
                template="surveys/includes/space_section.html",
                get_context=space_section_context,
                order=40,
            ),
        )
        registry.register_content(
            SurveyPage,
            space=lambda survey: survey.space,  # the space decides who sees the survey
            followable=True,
        )
