"""Relecture: what an Éditeur submits is public only once a Modérateur approves it."""

from django.urls import reverse

from editorial.models import NewsPage


def submit_draft(news_index, editor):
    page = NewsPage(title="Appel à projets santé", introduction="Soumise à relecture.")
    news_index.add_child(instance=page)
    page.unpublish()
    revision = page.save_revision(user=editor)
    workflow = page.get_workflow()
    workflow.start(page, editor)
    return NewsPage.objects.get(pk=page.pk), revision


def test_pages_go_through_the_relecture_workflow(news_index):
    workflow = news_index.get_workflow()

    assert workflow.name == "Relecture"
    assert [task.name for task in workflow.tasks] == ["Relecture"]


def test_editor_may_submit_but_not_publish(news_index, editor):
    permissions = news_index.permissions_for_user(editor)

    assert permissions.can_add_subpage()
    assert not permissions.can_publish_subpage()


def test_submitted_news_is_not_public_until_a_moderator_approves_it(
    client, news_index, editor, moderator
):
    page, _revision = submit_draft(news_index, editor)

    assert client.get(page.url or f"{news_index.url}{page.slug}/").status_code == 404
    assert page.workflow_in_progress

    client.force_login(moderator)
    task_state = page.current_workflow_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=(page.pk, "approve", task_state.pk)),
        {"comment": "Relu, merci."},
    )

    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    client.logout()
    assert "Appel à projets santé" in client.get(page.url).content.decode()


def test_an_editor_cannot_approve_a_submission(client, news_index, editor):
    page, _revision = submit_draft(news_index, editor)

    client.force_login(editor)
    client.post(
        reverse(
            "wagtailadmin_pages:workflow_action",
            args=(page.pk, "approve", page.current_workflow_task_state.pk),
        )
    )

    page.refresh_from_db()
    assert not page.live
