import pytest
from django.core import mail
from django.db import IntegrityError
from django.urls import reverse

from participation.comments.api import post_comment
from participation.models import Activity, Comment, ModerationAction, Report
from participation.moderation import services as moderation
from participation.utils import content_type_for
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def comment(space):
    return post_comment(UserFactory(display_name="Auteur"), space, "Contenu douteux")


def _report_url(obj):
    return reverse("participation:report", args=[content_type_for(obj).pk, obj.pk])


def test_member_reports_a_comment_once(member_client, member, comment):
    response = member_client.post(_report_url(comment), {"reason": "spam", "details": "Pub"})
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.reporter, report.reason, report.content_object) == (member, "spam", comment)
    member_client.post(_report_url(comment), {"reason": "offensive"})
    assert Report.objects.count() == 1
    with pytest.raises(IntegrityError):
        Report.objects.create(
            reporter=member, content_type=report.content_type, object_id=comment.pk, reason="other"
        )


def test_member_profiles_can_be_reported(member_client):
    other = UserFactory()
    assert member_client.post(_report_url(other), {"reason": "spam"}).status_code == 302
    assert Report.objects.get().content_object == other


def test_comment_is_hidden_automatically_at_the_threshold(client, comment, settings):
    settings.MAILLAGE_REPORTS_HIDE_THRESHOLD = 2
    moderation.report(UserFactory(), comment, "spam")
    comment.refresh_from_db()
    assert not comment.is_hidden
    moderation.report(UserFactory(), comment, "offensive")
    comment.refresh_from_db()
    assert comment.is_hidden
    assert ModerationAction.objects.get().kind == "auto_hide"
    assert not Activity.objects.visible_to(UserFactory()).filter(object_id=comment.pk).exists()
    html = client.get(comment.content_object.url).content.decode()
    assert "Commentaire masqué par la modération" in html
    assert "Contenu douteux" not in html
    assert Comment.objects.filter(pk=comment.pk).exists()


def test_moderation_queue_is_for_moderators_only(client, member_client, comment):
    moderation.report(UserFactory(), comment, "spam")
    url = reverse("participation_moderation:queue")
    assert member_client.get(url).status_code in (302, 403)
    assert client.get(url).status_code == 302


def test_moderator_sees_reports_with_context_and_hides_then_restores(moderator_client, comment):
    moderation.report(UserFactory(), comment, "spam", "Lien publicitaire")
    html = moderator_client.get(reverse("participation_moderation:queue")).content.decode()
    assert "Contenu douteux" in html and "Lien publicitaire" in html and "Auteur" in html
    ct = content_type_for(comment).pk
    hide = reverse("participation_moderation:item_action", args=[ct, comment.pk, "masquer"])
    moderator_client.post(hide, {"reason": "Publicité"})
    comment.refresh_from_db()
    assert comment.is_hidden
    restore = reverse("participation_moderation:item_action", args=[ct, comment.pk, "retablir"])
    moderator_client.post(restore, {"reason": "Finalement acceptable"})
    comment.refresh_from_db()
    assert not comment.is_hidden
    assert not Report.objects.open().exists()
    kinds = list(ModerationAction.objects.order_by("created_at").values_list("kind", "reason"))
    assert kinds == [("hide", "Publicité"), ("unhide", "Finalement acceptable")]
    log = moderator_client.get(reverse("participation_moderation:log")).content.decode()
    assert "Publicité" in log and "Modératrice" in log


def test_moderator_dismisses_reports(moderator, comment):
    moderation.report(UserFactory(), comment, "off_topic")
    moderation.dismiss_reports(moderator, comment, "Dans le sujet")
    assert not Report.objects.open().exists()
    assert ModerationAction.objects.get().kind == "dismiss"


def test_warned_member_receives_an_email(moderator_client, comment):
    author = comment.user
    url = reverse("participation_moderation:member_action", args=[author.pk, "avertir"])
    moderator_client.post(url, {"reason": "Restez courtois."})
    assert mail.outbox[-1].to == [author.email]
    assert "Restez courtois." in mail.outbox[-1].body
    assert ModerationAction.objects.get().member == author


def test_blocked_member_cannot_log_in_and_their_content_is_hidden(client, moderator, comment):
    author = comment.user
    moderation.block(moderator, author, "Spam répété")
    comment.refresh_from_db()
    assert comment.is_hidden
    assert not client.login(email=author.email, password=PASSWORD)
    response = client.post(reverse("account_login"), {"login": author.email, "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert response.status_code in (200, 302)
    assert ModerationAction.objects.get().kind == "block"


def test_blocked_member_session_ends(client, moderator, comment):
    author = comment.user
    client.force_login(author)
    moderation.block(moderator, author, "Spam")
    response = client.get(reverse("participation:notifications"))
    assert response.status_code == 302
