"""The demo surveys: the 2017 survey gives back its published shares, the open one takes
answers."""

import pytest

from members.models import User
from surveys.models import SurveyPage

pytestmark = pytest.mark.django_db


def test_the_2017_survey_gives_back_its_published_shares(demo, client):
    survey = SurveyPage.objects.get(slug="besoins-de-mise-en-reseau-2017")
    response = client.get(f"{survey.url}resultats/")
    assert response.status_code == 200
    charts = {r.question.label: r.charts[0] for r in response.context["results"] if r.charts}
    shares = {
        label: {bar.label: bar.share for bar in chart.rows} for label, chart in charts.items()
    }
    usefulness = shares[
        "Pour votre travail, le réseau des professionnels de la politique de la ville est…"
    ]
    assert usefulness["Essentiel"] + usefulness["Utile"] == 98
    assert (
        shares["Qu’est-ce qui freine votre participation au réseau ?"]["Le manque de temps"] == 36
    )
    formats = shares["Quels formats préférez-vous ? (trois au plus)"]
    assert sorted(formats, key=formats.get, reverse=True)[:4] == [
        "Rencontres thématiques",
        "Visites de site",
        "Plateforme numérique",
        "Gazette pour les chefs de projet",
    ]


def test_the_open_survey_takes_a_member_s_answer(demo, client):
    survey = SurveyPage.objects.get(slug="prochaine-rencontre-nationale")
    client.force_login(User.objects.get(email="claire.martin@exemple.fr"))
    page = client.get(survey.url).content.decode()
    assert "Envoyer mes réponses" in page and "Mettre à jour mon profil" in page
