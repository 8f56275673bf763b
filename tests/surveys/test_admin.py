"""Building a survey in the Wagtail admin: the survey's own checks on its questions, and
the profile fields a question may fill."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from surveys import profile_fields
from surveys.models import SurveyIndexPage, SurveyPage
from tests.factories import make_survey


def add_survey(client, index, questions):
    data = nested_form_data(
        {
            "title": "Panorama des acteurs",
            "slug": "panorama-des-acteurs",
            "results_visibility": "private",
            "form_fields": inline_formset(questions),
            "action-publish": "publier",
        }
    )
    return client.post(f"/admin/pages/add/surveys/surveypage/{index.pk}/", data)


QUESTION_DEFAULTS = {"help_text": "", "choices": "", "rows": "", "required": "on"}


@pytest.mark.django_db
def test_an_editor_builds_a_survey_whose_conditions_name_real_questions(moderator_client):
    index = make_survey([]).get_parent().specific
    assert isinstance(index, SurveyIndexPage)
    usefulness = {
        **QUESTION_DEFAULTS,
        "label": "Utile ?",
        "field_type": "radio",
        "choices": "Oui\nNon",
    }
    why = {
        **QUESTION_DEFAULTS,
        "label": "Pourquoi ?",
        "field_type": "multiline",
        "condition_question": "Utilité ?",  # no such question
        "condition_value": "Non",
    }
    grid = {**QUESTION_DEFAULTS, "label": "Grille", "field_type": "matrix", "choices": "A\nB"}
    response = add_survey(moderator_client, index, [usefulness, why, grid])
    page = response.content.decode()
    assert response.status_code == 200
    assert "Recopiez l’intitulé exact d’une autre question" in page
    assert "Une grille demande au moins une ligne." in page
    assert not SurveyPage.objects.filter(slug="panorama-des-acteurs").exists()

    why["condition_question"] = "Utile ?"
    grid["rows"] = "Ligne 1\nLigne 2"
    response = add_survey(moderator_client, index, [usefulness, why, grid])
    assert response.status_code == 302
    survey = SurveyPage.objects.get(slug="panorama-des-acteurs")
    assert survey.live
    assert [q.clean_name for q in survey.form_fields.all()] == ["utile", "pourquoi", "grille"]


def test_only_the_profile_fields_that_exist_are_offered(monkeypatch):
    monkeypatch.setattr(profile_fields, "PROFILE_FIELDS", ["structure_type", "missions_absentes"])
    assert [name for name, _label in profile_fields.choices()] == ["", "structure_type"]
