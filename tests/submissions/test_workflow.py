"""A member's submission goes through the "Relecture" workflow: draft, submitted,
published (credited, notified), changes requested (comment, editable again), refused."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState

from editorial.models import ExperiencePage
from library.models import Resource, ResourceSubmission
from participation.notifications.models import Notification
from submissions.models import Status, Submission
from tests.submissions.conftest import resource_data

pytestmark = pytest.mark.django_db


def _workflow_action(client, submission, action, **data):
    obj = submission.content_object
    task_state = obj.current_workflow_state.current_task_state
    if isinstance(obj, ExperiencePage):
        url = reverse("wagtailadmin_pages:workflow_action", args=[obj.pk, action, task_state.pk])
    else:
        url = reverse(
            obj.snippet_viewset.get_url_name("workflow_action"),
            args=[obj.pk, action, task_state.pk],
        )
    return client.post(url, data)


def _notifications(user):
    return list(Notification.objects.filter(recipient=user).select_related("activity"))


def test_draft_is_kept_then_submitted_into_the_relecture_workflow(
    member_client, member, resource_draft
):
    draft = resource_draft.content_object
    assert resource_draft.status == Status.DRAFT
    assert not draft.live
    assert not Resource.objects.exists()  # a document only once published
    assert draft.extracted_text.startswith("Maison du projet")

    member_client.post(
        reverse("submissions:edit", args=[resource_draft.pk]),
        {
            **resource_data(file="", title="Guide de la maison du projet, 2e édition"),
            "action": "submit",
        },
    )

    resource_draft.refresh_from_db()
    assert resource_draft.status == Status.IN_REVIEW
    assert resource_draft.title == "Guide de la maison du projet, 2e édition"
    state = WorkflowState.objects.get(object_id=str(draft.pk))
    assert state.workflow.name == "Relecture"
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == member


def test_moderator_approval_publishes_the_resource_credited_and_notified(
    client, moderator_client, member, resource_in_review
):
    _workflow_action(moderator_client, resource_in_review, "approve", comment="Merci !")

    resource = Resource.objects.get()
    resource_in_review.refresh_from_db()
    assert resource_in_review.status == Status.PUBLISHED
    assert resource_in_review.url == resource.get_absolute_url()
    assert resource.contributed_by == member
    assert resource.thematiques.filter(slug="sante").exists()
    assert "maison du projet" in resource.extracted_text.lower()
    [notification] = [
        n for n in _notifications(member) if n.activity.verb == "a publié votre contribution"
    ]
    assert notification.activity.url == resource.get_absolute_url()
    html = client.get(resource.get_absolute_url()).content.decode()
    assert "Proposé par" in html and member.display_name in html


def test_changes_requested_notify_the_comment_and_reopen_editing(
    member_client, moderator_client, member, resource_in_review
):
    _workflow_action(
        moderator_client,
        resource_in_review,
        "reject",
        comment="Précisez l’année sentinelle-7f3a9c.",
    )

    resource_in_review.refresh_from_db()
    assert resource_in_review.status == Status.CHANGES_REQUESTED
    assert resource_in_review.message == "Précisez l’année sentinelle-7f3a9c."
    assert any("sentinelle-7f3a9c" in n.activity.title for n in _notifications(member))
    edit_url = reverse("submissions:edit", args=[resource_in_review.pk])
    assert "sentinelle-7f3a9c" in member_client.get(edit_url).content.decode()

    member_client.post(edit_url, {**resource_data(file="", year="2024"), "action": "submit"})

    resource_in_review.refresh_from_db()
    assert resource_in_review.status == Status.IN_REVIEW
    state = resource_in_review.content_object.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.current_task_state.revision.as_object().year == 2024


def test_refusal_gives_the_reason_and_closes_the_submission(
    member_client, moderator_client, member, resource_in_review
):
    url = reverse("submissions_refuse", args=[resource_in_review.pk])
    assert moderator_client.get(url).status_code == 200

    moderator_client.post(url, {"reason": "Hors sujet sentinelle-b81d2e."})

    resource_in_review.refresh_from_db()
    assert resource_in_review.status == Status.REFUSED
    assert resource_in_review.message == "Hors sujet sentinelle-b81d2e."
    assert not WorkflowState.objects.active().exists()
    assert any("sentinelle-b81d2e" in n.activity.title for n in _notifications(member))
    assert not Resource.objects.exists()
    page = member_client.get(reverse("submissions:mine")).content.decode()
    assert "Refusée" in page and "sentinelle-b81d2e" in page
    response = member_client.post(
        reverse("submissions:edit", args=[resource_in_review.pk]),
        {**resource_data(file="", title="Relancée"), "action": "submit"},
    )
    assert response.status_code == 302
    resource_in_review.refresh_from_db()
    assert resource_in_review.status == Status.REFUSED
    assert ResourceSubmission.objects.get().title == "Guide de la maison du projet"


def test_member_experience_is_published_on_approval_and_credits_its_author(
    client, member_client, moderator_client, member, experience_index
):
    member.profile.in_directory = True
    member.profile.save()
    member_client.post(
        reverse("submissions:propose", args=["experience"]),
        {
            "title": "Un jardin partagé au pied des tours",
            "introduction": "Des habitants cultivent ensemble.",
            "commune": "Roubaix",
            "year": "2024",
            "context": "Un terrain vague.\n\n<script>alert(1)</script>",
            "approach": "Une association et le bailleur.",
            "action": "submit",
        },
    )
    submission = Submission.objects.get(author=member)
    page = submission.content_object
    assert submission.status == Status.IN_REVIEW
    assert not page.live and page.owner == member

    _workflow_action(moderator_client, submission, "approve")

    page.refresh_from_db()
    submission.refresh_from_db()
    assert page.live
    assert submission.status == Status.PUBLISHED and submission.url == page.url
    html = client.get(page.url).content.decode()
    assert "Proposé par" in html
    assert reverse("members:profile", args=[member.pk]) in html
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in html
