"""The answering form, on the server: every kind of question, required answers,
conditions, maximum choices. Built from unsaved questions: no database needed."""

import pytest

from surveys import kinds
from surveys.forms import SurveyFormBuilder
from surveys.models import SurveyQuestion
from tests.surveys.conftest import EVERY_KIND, VALID_POST


def make_form(data, questions=EVERY_KIND):
    form_class = SurveyFormBuilder([SurveyQuestion(**q) for q in questions]).get_form_class()
    return form_class(data)


def post(**changes):
    data = {**VALID_POST, **changes}
    return {key: value for key, value in data.items() if value is not None}


def test_a_complete_answer_is_stored_question_by_question():
    form = make_form(post())
    assert form.is_valid(), form.errors
    assert form.answers == {
        "votre_fonction": "Cheffe de projet",
        "vos_attentes": "Des échanges",
        "le_reseau_vous_est_il_utile": "Utile",
        "formats_preferes": ["Gazette", kinds.OTHER],
        "formats_preferes__autre": "Podcasts",
        "satisfaction": 4,
        "priorites": ["Éducation", "Emploi", "Santé"],
        "frequence": {"Webinaires": "Souvent", "Rencontres": "Parfois"},
        "date_de_prise_de_poste": "2024-09-02",
        "taille_de_lequipe": "3",
    }


def test_a_required_question_left_empty_is_refused():
    form = make_form(post(votre_fonction="  "))
    assert not form.is_valid()
    assert form.errors["votre_fonction"] == ["Cette question demande une réponse."]


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("le_reseau_vous_est_il_utile", "Indispensable"),  # not a choice
        ("formats_preferes", ["Gazette", "Fanfare"]),
        ("satisfaction", "7"),
        ("priorites__0", "9"),
        ("frequence__1", "Toujours"),
        ("date_de_prise_de_poste", "31/02/2024"),
        ("taille_de_lequipe", "beaucoup"),
    ],
)
def test_values_outside_the_question_are_refused(field, value):
    form = make_form(post(**{field: value}))
    assert not form.is_valid()
    assert field in form.errors
    assert field.split("__")[0] not in form.answers


def test_more_choices_than_allowed_are_refused():
    form = make_form(
        post(formats_preferes=["Gazette", "Visites de site", "Rencontres thématiques"])
    )
    assert not form.is_valid()
    assert form.errors["formats_preferes"] == ["Choisissez au plus 2 réponses."]


def test_other_needs_its_text_and_keeps_it():
    form = make_form(post(formats_preferes__autre=""))
    assert not form.is_valid()
    assert form.errors["formats_preferes__autre"] == ["Précisez votre réponse « Autre »."]
    # The text of "Autre" without choosing it is dropped.
    form = make_form(post(formats_preferes=["Gazette"]))
    assert form.is_valid() and "formats_preferes__autre" not in form.answers


def test_single_choice_with_other():
    questions = [{"label": "Q", "field_type": "radio", "choices": "A\nB", "other_choice": True}]
    form = make_form({"q": kinds.OTHER, "q__autre": "C"}, questions)
    assert form.is_valid() and form.answers == {"q": kinds.OTHER, "q__autre": "C"}


def test_a_rank_given_twice_is_refused():
    form = make_form(post(priorites__0="1", priorites__1="1"))
    assert form.errors["priorites__0"] == ["Chaque rang ne peut être donné qu’une fois."]


def test_a_required_ranking_and_grid_need_every_line():
    questions = [
        {"label": "R", "field_type": "ranking", "choices": "A\nB", "required": True},
        {
            "label": "G",
            "field_type": "matrix",
            "choices": "X\nY",
            "rows": "L1\nL2",
            "required": True,
        },
    ]
    form = make_form({"r__0": "1", "g__0": "X"}, questions)
    assert form.errors["r__0"] == ["Classez toutes les propositions."]
    assert form.errors["g__0"] == ["Répondez pour chaque ligne de la grille."]
    form = make_form({"r__0": "2", "r__1": "1", "g__0": "X", "g__1": "Y"}, questions)
    assert form.is_valid() and form.answers == {"r": ["B", "A"], "g": {"L1": "X", "L2": "Y"}}


def test_a_section_title_takes_no_answer():
    form = make_form(post(votre_structure="sentinelle-7f3a9c"))
    assert form.is_valid() and "votre_structure" not in form.answers
    assert "votre_structure" not in form.fields


def test_a_conditional_question_is_required_only_when_shown():
    shown = make_form(post(le_reseau_vous_est_il_utile="Peu utile"))
    assert shown.errors["pourquoi_peu_utile"] == ["Cette question demande une réponse."]
    shown = make_form(post(le_reseau_vous_est_il_utile="Peu utile", pourquoi_peu_utile="Loin"))
    assert shown.is_valid() and shown.answers["pourquoi_peu_utile"] == "Loin"


def test_the_answer_to_a_hidden_question_is_dropped():
    form = make_form(post(pourquoi_peu_utile="sentinelle-7f3a9c"))  # the answer is "Utile"
    assert form.is_valid(), form.errors
    assert "pourquoi_peu_utile" not in form.answers


def test_a_condition_on_a_multiple_choice_matches_one_of_the_options():
    questions = [
        {"label": "Formats", "field_type": "checkboxes", "choices": "Gazette\nVisites"},
        {
            "label": "Quelle gazette ?",
            "field_type": "singleline",
            "required": True,
            "condition_question": "formats",  # case does not matter
            "condition_value": "gazette",
        },
        {
            "label": "Et ensuite ?",
            "field_type": "singleline",
            "required": True,
            "condition_question": "Quelle gazette ?",
            "condition_value": "Mensuelle",
        },
    ]
    assert make_form({"formats": ["Visites"]}, questions).is_valid()
    form = make_form({"formats": ["Visites", "Gazette"]}, questions)
    assert list(form.errors) == ["quelle_gazette"]
    # A question whose condition depends on a hidden question is hidden too.
    form = make_form({"formats": ["Visites"], "quelle_gazette": "Mensuelle"}, questions)
    assert form.is_valid() and form.answers == {"formats": ["Visites"]}


def test_initial_data_gives_back_a_stored_answer():
    form = make_form(post())
    assert form.is_valid()
    initial = type(form).initial_from(form.answers)
    assert initial["priorites__1"] == 1 and initial["frequence__0"] == "Souvent"
    assert initial["formats_preferes__autre"] == "Podcasts"
