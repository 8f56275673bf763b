"""Who may do what with a member's submission, checked on the server: only its author
edits it, only while a draft or after changes were requested; its private file reaches
only its author and the reviewers; only reviewers refuse. A refusal writes nothing."""

import pytest
from django.conf import settings
from django.urls import reverse

from library.models import ResourceSubmission
from submissions.models import Status, Submission
from tests.conftest import _logged_in
from tests.factories import UserFactory
from tests.submissions.conftest import resource_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def clients(client, editor, moderator):
    return {
        "anonymous": client,
        "other member": _logged_in(UserFactory()),
        "editor": _logged_in(editor),
        "moderator": _logged_in(moderator),
    }


def test_only_the_author_edits_or_deletes_a_draft(clients, resource_draft):
    edit_url = reverse("submissions:edit", args=[resource_draft.pk])
    for role, client in clients.items():
        get = client.get(edit_url)
        post = client.post(
            edit_url, {**resource_data(file="", title="Détournée"), "action": "submit"}
        )
        delete = client.post(reverse("submissions:delete", args=[resource_draft.pk]))

        expected = 302 if role == "anonymous" else 404
        assert get.status_code == post.status_code == delete.status_code == expected, role
    resource_draft.refresh_from_db()
    assert resource_draft.status == Status.DRAFT
    assert resource_draft.title == ResourceSubmission.objects.get().title != "Détournée"


def test_author_cannot_edit_or_delete_while_in_review(member_client, resource_in_review):
    edit_url = reverse("submissions:edit", args=[resource_in_review.pk])

    response = member_client.post(
        edit_url, {**resource_data(file="", title="Changée"), "action": "save"}, follow=True
    )
    member_client.post(reverse("submissions:delete", args=[resource_in_review.pk]))

    assert "vous ne pouvez plus la modifier" in response.content.decode()
    assert ResourceSubmission.objects.get().latest_revision.as_object().title != "Changée"
    assert Submission.objects.get().status == Status.IN_REVIEW


def test_private_file_reaches_only_its_author_and_reviewers(clients, member_client, resource_draft):
    draft = resource_draft.content_object
    url = draft.get_file_url()
    expected = {"anonymous": 302, "other member": 404, "editor": 200, "moderator": 200}

    assert str(draft.file.path).startswith(str(settings.MAILLAGE_PRIVATE_ROOT))
    assert member_client.get(url).status_code == 200
    for role, client in clients.items():
        response = client.get(url)
        assert response.status_code == expected[role], role
        if response.status_code == 200:
            assert response["Cache-Control"] == "private, no-store"


def test_only_reviewers_refuse(clients, resource_in_review):
    url = reverse("submissions_refuse", args=[resource_in_review.pk])
    for role in ("anonymous", "other member", "editor"):
        response = clients[role].post(url, {"reason": "Non."})
        assert response.status_code in (302, 403), role

    resource_in_review.refresh_from_db()
    assert resource_in_review.status == Status.IN_REVIEW and resource_in_review.message == ""


def test_submitting_is_rate_limited_and_keeps_what_was_typed(member_client, settings):
    settings.MAILLAGE_RATE_LIMITS = {**settings.MAILLAGE_RATE_LIMITS, "submission": "1/h"}
    url = reverse("submissions:propose", args=["ressource"])
    member_client.post(url, resource_data())

    response = member_client.post(url, resource_data(title="Une deuxième ressource"))

    assert "patientez un instant" in response.content.decode()
    assert "Une deuxième ressource" in response.content.decode()
    assert Submission.objects.count() == 1
