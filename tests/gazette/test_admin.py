"""The sending page in Wagtail's admin: preview and test for whoever edits the issue,
sending for whoever may publish it."""

import json

import pytest
from django.core import mail

from gazette.models import Delivery, Sending
from tests.factories import GazetteIssuePageFactory, PartnerSubscriberFactory

pytestmark = pytest.mark.django_db

BODY = json.dumps([{"type": "texte", "value": "<p>Édito sentinelle-edito-61d0aa</p>"}])


@pytest.fixture
def issue(gazette_index):
    PartnerSubscriberFactory.create_batch(2)
    return GazetteIssuePageFactory(parent=gazette_index, body=BODY)


def test_an_editor_previews_and_tests_but_cannot_send(issue, editor, editor_client):
    url = f"/admin/gazette/{issue.pk}/"
    page = editor_client.get(url)
    assert page.status_code == 200 and "Envoyer maintenant" not in page.text

    preview = editor_client.get(url + "apercu/")
    assert "sentinelle-edito-61d0aa" in preview.text and "<style" not in preview.text

    editor_client.post(url + "test/")
    (test,) = mail.outbox
    assert test.to == [editor.email] and test.subject.startswith("[Test]")

    # Wagtail's admin answers a refusal with a redirect and a message.
    assert editor_client.post(url + "envoyer/").status_code == 302
    schedule = {"scheduled_at": "2099-01-01T08:00"}
    assert editor_client.post(url + "programmer/", schedule).status_code == 302
    assert not Delivery.objects.exists() and not Sending.objects.exists()


def test_a_moderator_sends_the_issue_in_the_background(
    issue, moderator_client, django_capture_on_commit_callbacks
):
    url = f"/admin/gazette/{issue.pk}/"
    assert "Envoyer maintenant à 2 destinataires" in moderator_client.get(url).text

    with django_capture_on_commit_callbacks(execute=True):
        response = moderator_client.post(url + "envoyer/", follow=True)

    assert "Envoi lancé vers 2 destinataires" in response.text
    assert len(mail.outbox) == 2
    page = moderator_client.get(url).text
    assert "2 envoyés" in page and "0 échec" in page
    again = moderator_client.post(url + "envoyer/", follow=True)
    assert "déjà été envoyé" in again.text and len(mail.outbox) == 2


def test_a_member_cannot_reach_the_sending_page(issue, member_client):
    response = member_client.get(f"/admin/gazette/{issue.pk}/")
    assert response.status_code in (302, 403)
    assert member_client.post(f"/admin/gazette/{issue.pk}/envoyer/").status_code in (302, 403)
    assert not Delivery.objects.exists()


def test_a_bad_schedule_is_refused_in_french(issue, moderator_client):
    response = moderator_client.post(
        f"/admin/gazette/{issue.pk}/programmer/", {"scheduled_at": "2001-01-01T08:00"}, follow=True
    )
    assert "Choisissez un moment à venir" in response.text
    assert not Sending.objects.exists()
    assert moderator_client.get("/admin/gazette/999999/").status_code == 404
