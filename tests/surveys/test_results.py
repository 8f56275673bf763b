"""Results: charts with small groups protected (page and CSV), free answers for editors
only, the visibility the editor chose, formula-safe exports, constant queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from surveys.models import Answer, SurveyPage
from tests.factories import UserFactory, make_survey

pytestmark = pytest.mark.django_db

QUESTIONS = [
    {"label": "Utilité", "field_type": "radio", "choices": "Utile\nInutile", "required": True},
    {"label": "Remarque", "field_type": "singleline", "required": False},
]
Visibility = SurveyPage.ResultsVisibility


def answer(survey, count, remark="", **data):
    Answer.objects.bulk_create(
        Answer(page=survey, form_data={"utilite": "Utile", "remarque": remark, **data})
        for _ in range(count)
    )


def results(client, survey):
    return client.get(f"{survey.url}resultats/")


def test_small_groups_read_less_than_five_on_the_page_and_in_the_csv(editor_client):
    survey = make_survey(QUESTIONS, results_visibility=Visibility.PUBLIC)
    answer(survey, 12)
    answer(survey, 3, utilite="Inutile")
    chart = results(editor_client, survey).context["results"][0].charts[0]
    assert [(bar.label, bar.display) for bar in chart.rows] == [
        ("Utile", "moins de 5"),  # hidden too: 15 − 12 would give the small cell back
        ("Inutile", "moins de 5"),
    ]
    csv = b"".join(editor_client.get(f"{survey.url}resultats/csv/").streaming_content).decode()
    assert "Utilité,Utile,moins de 5," in csv and "12" not in csv
    assert "<td>moins de 5</td>" in results(editor_client, survey).text
    answer(survey, 6, utilite="Inutile")
    page = results(editor_client, survey).text  # the cached charts expire with the answers
    assert "<td>12</td>" in page and "<td>moins de 5</td>" not in page
    chart = results(editor_client, survey).context["results"][0].charts[0]
    assert [(bar.display, bar.share) for bar in chart.rows] == [("12", 57.1), ("9", 42.9)]
    page = results(editor_client, survey).content.decode()
    assert "<svg" in page and "<table" in page


def test_free_answers_are_listed_to_editors_only(editor_client, client):
    survey = make_survey(QUESTIONS, results_visibility=Visibility.PUBLIC)
    answer(survey, 5, remark="sentinelle-7f3a9c")
    assert "sentinelle-7f3a9c" in results(editor_client, survey).content.decode()
    public = results(client, survey)
    assert public.status_code == 200 and "sentinelle-7f3a9c" not in public.content.decode()


def test_results_follow_the_visibility_the_editor_chose(
    client, member, member_client, editor_client
):
    survey = make_survey(QUESTIONS)
    Answer.objects.create(page=survey, user=member, form_data={"utilite": "Utile"})
    other_client = type(client)()
    other_client.force_login(UserFactory())
    assert results(member_client, survey).status_code == 403
    assert results(editor_client, survey).status_code == 200
    SurveyPage.objects.filter(pk=survey.pk).update(results_visibility=Visibility.RESPONDENTS)
    assert results(member_client, survey).status_code == 200
    assert results(other_client, survey).status_code == 403
    assert results(client, survey).status_code == 403
    assert client.get(f"{survey.url}resultats/csv/").status_code == 403
    SurveyPage.objects.filter(pk=survey.pk).update(results_visibility=Visibility.PUBLIC)
    assert results(client, survey).status_code == 200


def test_the_answers_export_is_for_editors_one_row_per_answer_and_formula_safe(
    member, member_client, editor_client
):
    survey = make_survey(QUESTIONS, results_visibility=Visibility.PUBLIC)
    Answer.objects.create(
        page=survey, user=member, form_data={"utilite": "Utile", "remarque": "=1+1"}
    )
    answer(survey, 2)
    assert member_client.get(f"{survey.url}reponses/csv/").status_code == 403
    lines = b"".join(editor_client.get(f"{survey.url}reponses/csv/").streaming_content).decode()
    lines = lines.lstrip("\ufeff").splitlines()
    assert lines[0] == "Date,Membre,Utilité,Remarque"
    assert len(lines) == 4
    assert f"{member.email},Utile,'=1+1" in lines[1]


def _queries(client, url):
    client.get(url)  # caches warmed (content types, site, permissions)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_results_page_makes_a_constant_number_of_queries(editor_client):
    survey = make_survey(QUESTIONS, results_visibility=Visibility.PUBLIC)
    answer(survey, 5)
    few = _queries(editor_client, f"{survey.url}resultats/")
    answer(survey, 60, remark="x")
    assert _queries(editor_client, f"{survey.url}resultats/") == few


def test_the_survey_list_makes_a_constant_number_of_queries(member_client):
    first = make_survey(QUESTIONS, title="Première")
    index = first.get_parent()
    few = _queries(member_client, index.url)
    for number in range(4):
        make_survey(QUESTIONS, title=f"Enquête {number}")
    assert _queries(member_client, index.url) == few
