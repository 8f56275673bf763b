"""Answering a survey over HTTP: one answer per member, editable until the close date;
anonymous answers kept apart from the member; invitation links good once; profile
updates only when asked; tampered or refused posts write nothing and answer no 500."""

from datetime import timedelta

import pytest
from django.core import mail
from django.db import connection
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from surveys.models import Answer, Invitation, Participation
from tests.factories import make_survey
from tests.surveys.conftest import VALID_POST

pytestmark = pytest.mark.django_db

STRUCTURE = [
    {
        "label": "Votre type de structure",
        "field_type": "radio",
        "choices": "Commune\nAssociation",
        "profile_field": "structure_type",
        "required": True,
    },
    {"label": "Un mot", "field_type": "singleline", "required": False},
]


def test_a_member_answers_then_edits_the_same_answer(survey, member, member_client):
    assert member_client.post(survey.url, VALID_POST).status_code == 302
    response = member_client.get(survey.url)
    assert response.context["form"].initial["votre_fonction"] == "Cheffe de projet"
    assert "Enregistrer mes modifications" in response.content.decode()
    edited = {**VALID_POST, "votre_fonction": "Déléguée du préfet"}
    assert member_client.post(survey.url, edited).status_code == 302
    answer = Answer.objects.get()
    assert answer.user == member and answer.updated_at is not None
    assert answer.form_data["votre_fonction"] == "Déléguée du préfet"


def test_after_the_close_date_nothing_is_written(member, member_client):
    survey = make_survey(
        [{"label": "Q", "field_type": "singleline"}],
        closes_at=timezone.now() - timedelta(minutes=1),
    )
    response = member_client.post(survey.url, {"q": "sentinelle-7f3a9c"})
    assert response.status_code == 403
    assert "L’enquête est close" in response.content.decode()
    assert not Answer.objects.exists()


def test_a_visitor_must_log_in_and_writes_nothing(survey, client):
    response = client.post(survey.url, VALID_POST)
    assert response.status_code == 403 and "Connectez-vous" in response.content.decode()
    assert not Answer.objects.exists()


def test_a_tampered_post_gets_a_french_message_and_keeps_the_answers(survey, member_client):
    tampered = {
        **VALID_POST,
        "le_reseau_vous_est_il_utile": "sentinelle-7f3a9c",
        "question_inconnue_42": "x",
        "priorites__99": "1",
    }
    response = member_client.post(survey.url, tampered)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Certaines réponses sont à corriger" in page
    assert "Sélectionnez un choix valide" in page
    assert 'value="Cheffe de projet"' in page  # what was typed is shown again
    assert not Answer.objects.exists()


def test_an_anonymous_answer_holds_no_link_to_the_member(member, member_client):
    survey = make_survey(STRUCTURE, anonymous=True)
    page = member_client.get(survey.url).content.decode()
    assert "ne pourrez donc plus les modifier" in page
    assert "Mettre à jour mon profil" not in page
    assert member_client.post(survey.url, {"votre_type_de_structure": "Commune"}).status_code == 302
    with connection.cursor() as cursor:
        cursor.execute("SELECT user_id, submit_time, form_data::text FROM surveys_answer")
        [(user_id, submit_time, data)] = cursor.fetchall()
    assert user_id is None
    local = timezone.localtime(submit_time)
    assert (local.hour, local.minute, local.second) == (0, 0, 0)  # the day only
    assert member.email not in data and str(member.pk) not in data.replace("Commune", "")
    participation = Participation.objects.get()
    assert participation.user == member
    assert [f.name for f in Participation._meta.get_fields()] == ["id", "survey", "user"]
    # A second answer is refused, and the first stays untouched.
    response = member_client.post(survey.url, {"votre_type_de_structure": "Association"})
    assert response.status_code == 403
    assert "ne peuvent plus être modifiées" in response.content.decode()
    assert Answer.objects.get().form_data == {"votre_type_de_structure": "Commune"}


def test_the_profile_is_updated_only_when_the_member_asks(member, member_client):
    survey = make_survey(STRUCTURE)
    assert "Mettre à jour mon profil" in member_client.get(survey.url).content.decode()
    member_client.post(survey.url, {"votre_type_de_structure": "Commune"})
    member.profile.refresh_from_db()
    assert member.profile.structure_type == ""
    member_client.post(
        survey.url, {"votre_type_de_structure": "Association", "mettre_a_jour_mon_profil": "on"}
    )
    member.profile.refresh_from_db()
    assert member.profile.structure_type == "association"


def test_a_panorama_survey_fills_the_profile_s_panorama_fields(member, member_client):
    survey = make_survey(
        [
            {
                "label": "Vos missions",
                "field_type": "checkboxes",
                "choices": "Contrat de ville\nGestion urbaine et sociale de proximité (GUSP)",
                "profile_field": "missions",
            },
            {
                "label": "Votre temps",
                "field_type": "radio",
                "choices": "Moins d’un quart du temps\nD’un quart à la moitié",
                "profile_field": "time_share",
            },
            {"label": "Vos quartiers", "field_type": "multiline", "profile_field": "quartiers"},
        ]
    )
    member_client.post(
        survey.url,
        {
            "vos_missions": ["Contrat de ville", "Gestion urbaine et sociale de proximité (GUSP)"],
            "votre_temps": "D’un quart à la moitié",
            "vos_quartiers": "Les Tilleuls\r\n\r\n  Le Mirail ",
            "mettre_a_jour_mon_profil": "on",
        },
    )
    member.profile.refresh_from_db()
    assert member.profile.missions == ["contrat_de_ville", "gusp"]
    assert member.profile.time_share == "25-50"
    assert member.profile.quartiers == ["Les Tilleuls", "Le Mirail"]


@override_settings(MAILLAGE_RATE_LIMITS={"survey": "1/999d"})
def test_answering_is_rate_limited(survey, member_client):
    assert member_client.post(survey.url, VALID_POST).status_code == 302
    edited = {**VALID_POST, "votre_fonction": "sentinelle-7f3a9c"}
    response = member_client.post(survey.url, edited)
    assert "patientez un instant" in response.content.decode()
    assert Answer.objects.get().form_data["votre_fonction"] == "Cheffe de projet"


def test_an_invitation_link_is_good_for_one_answer(editor_client, client):
    survey = make_survey(STRUCTURE, open_to_invited=True, anonymous=True)
    response = editor_client.post(
        reverse("surveys_invite", args=[survey.pk]),
        {"emails": "partenaire@exemple.org, Autre@Exemple.org"},
    )
    assert response.status_code == 302
    assert sorted(Invitation.objects.values_list("email", flat=True)) == [
        "autre@exemple.org",
        "partenaire@exemple.org",
    ]
    assert len(mail.outbox) == 2
    link = next(line for line in mail.outbox[0].body.splitlines() if "/invitation/" in line)
    path = link.split("testserver", 1)[1]
    assert client.get(path).status_code == 200
    response = client.post(path, {"votre_type_de_structure": "Commune"})
    assert response.status_code == 200 and "Merci" in response.content.decode()
    answer = Answer.objects.get()
    assert answer.user is None
    assert Invitation.objects.filter(used_on__isnull=False).count() == 1
    # The same link again: refused, nothing written.
    response = client.post(path, {"votre_type_de_structure": "Association"})
    assert response.status_code == 403 and "déjà servi" in response.content.decode()
    assert Answer.objects.count() == 1
    # A forged token is a 404.
    assert client.get(f"{survey.url}invitation/1-faux/").status_code == 404
    # Inviting the same address twice sends nothing new.
    editor_client.post(
        reverse("surveys_invite", args=[survey.pk]), {"emails": "partenaire@exemple.org"}
    )
    assert Invitation.objects.count() == 2 and len(mail.outbox) == 2


def test_only_editors_invite(member_client, survey):
    response = member_client.get(reverse("surveys_invite", args=[survey.pk]))
    assert response.status_code == 302 and not Invitation.objects.exists()
