"""Finding 6: no form of the site redirects to another site through its `next` field."""

import pytest
from django.urls import reverse

from participation.comments.api import post_comment
from participation.models import ModerationAction
from participation.moderation import services as moderation
from participation.utils import content_type_for
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

EVIL = "https://evil.example/sentinelle-7f3a9c"
QUEUE = reverse("participation_moderation:queue")


@pytest.fixture
def comment(space):
    comment = post_comment(UserFactory(), space, "Contenu signalé")
    moderation.report(UserFactory(), comment, "spam")
    return comment


def test_item_action_ignores_a_foreign_next(moderator_client, comment):
    url = reverse(
        "participation_moderation:item_action",
        args=[content_type_for(comment).pk, comment.pk, "classer"],
    )
    response = moderator_client.post(url, {"reason": "ok", "next": EVIL})
    assert response.status_code == 302
    assert response["Location"] == QUEUE
    assert ModerationAction.objects.filter(kind="dismiss").exists()


def test_item_action_follows_a_local_next(moderator_client, comment):
    url = reverse(
        "participation_moderation:item_action",
        args=[content_type_for(comment).pk, comment.pk, "classer"],
    )
    response = moderator_client.post(url, {"next": QUEUE + "?vue=masques"})
    assert response["Location"] == QUEUE + "?vue=masques"


def test_member_action_ignores_a_foreign_next(moderator_client, comment):
    url = reverse("participation_moderation:member_action", args=[comment.user.pk, "avertir"])
    response = moderator_client.post(url, {"reason": "Courtoisie", "next": EVIL})
    assert response.status_code == 302
    assert response["Location"] == QUEUE


@pytest.mark.parametrize("next_url", [EVIL, "//evil.example/", "http://testserver/x"])
def test_report_form_ignores_a_foreign_or_downgraded_next(client, member, space, next_url):
    client.force_login(member)
    target = post_comment(UserFactory(), space, "Autre contenu")
    url = reverse("participation:report", args=[content_type_for(target).pk, target.pk])
    response = client.post(url, {"reason": "spam", "next": next_url}, secure=True)
    assert response.status_code == 302
    assert "evil" not in response["Location"]
    assert not response["Location"].startswith("http://")
