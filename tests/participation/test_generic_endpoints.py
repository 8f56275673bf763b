"""The generic comment, follow and report endpoints accept only the types that modules
declared in the registry, and only objects whose owning space the member may see:
anything else is a 404 and writes nothing (security audit, findings 1 and 2)."""

import pytest
from django.urls import reverse

from events.models import Registration
from participation.comments.api import post_comment
from participation.models import (
    Activity,
    Comment,
    Follow,
    Notification,
    Report,
    SpaceMembership,
    Visibility,
)
from participation.notifications.api import follow
from participation.utils import content_type_for
from proposals.models import Attachment
from tests.factories import (
    EventFactory,
    ProposalFactory,
    ThematiqueFactory,
    UserFactory,
    make_space,
)

pytestmark = pytest.mark.django_db

SENTINEL = "sentinelle-7f3a9c"


def _url(name, obj):
    return reverse(f"participation:{name}", args=[content_type_for(obj).pk, obj.pk])


def _nothing_written():
    return not (
        Comment.objects.exists()
        or Follow.objects.exists()
        or Report.objects.exists()
        or Activity.objects.exists()
    )


@pytest.fixture
def private_proposal():
    invited = UserFactory()
    space = make_space("Groupe de travail", visibility=Visibility.PRIVATE, memberships=[invited])
    return ProposalFactory(space=space, author=invited)


@pytest.fixture
def attachment(private_proposal):
    return Attachment.objects.create(
        proposal=private_proposal,
        file=f"propositions/{private_proposal.pk}/{SENTINEL}.pdf",
        title=f"{SENTINEL}-compte-rendu",
        kind="pdf",
        size=1000,
    )


def test_outsider_cannot_comment_on_a_private_proposals_attachment(client, attachment):
    client.force_login(UserFactory())
    response = client.post(_url("comment_post", attachment), {"comment": "Intrusion"})
    assert response.status_code == 404
    assert _nothing_written()
    assert SENTINEL not in client.get("/").content.decode()


def test_even_an_invited_member_cannot_comment_on_an_undeclared_type(client, attachment):
    client.force_login(attachment.proposal.author)
    assert client.post(_url("comment_post", attachment), {"comment": "Ici ?"}).status_code == 404
    assert _nothing_written()


def _undeclared(kind):
    member = UserFactory()
    if kind == "registration":
        return Registration.objects.create(event=EventFactory(), user=member)
    if kind == "notification":
        space = make_space()
        follow(member, space)
        post_comment(UserFactory(), space, "Bonjour")
        return Notification.objects.get(recipient=member)
    return ThematiqueFactory()


@pytest.mark.parametrize("kind", ["registration", "notification", "thematique"])
def test_commenting_on_a_type_nobody_declared_commentable_is_a_404(client, kind):
    target = _undeclared(kind)
    comments, activities = Comment.objects.count(), Activity.objects.count()
    client.force_login(UserFactory())
    response = client.post(_url("comment_post", target), {"comment": SENTINEL})
    assert response.status_code == 404
    assert Comment.objects.count() == comments and Activity.objects.count() == activities
    assert SENTINEL not in client.get("/").content.decode()


@pytest.mark.parametrize("kind", ["registration", "notification"])
def test_following_or_reporting_an_undeclared_type_is_a_404(client, kind):
    target = _undeclared(kind)
    follows = Follow.objects.count()
    client.force_login(UserFactory())
    assert client.post(_url("follow", target)).status_code == 404
    assert client.post(_url("report", target), {"reason": "spam"}).status_code == 404
    assert Follow.objects.count() == follows and not Report.objects.exists()


def test_member_cannot_follow_another_members_notification(client):
    target = _undeclared("notification")
    intruder = UserFactory()
    client.force_login(intruder)
    assert client.post(_url("follow", target)).status_code == 404
    assert not Follow.objects.filter(user=intruder).exists()


def test_outsider_cannot_comment_follow_or_report_a_private_proposal(client, private_proposal):
    outsider = UserFactory()
    client.force_login(outsider)
    assert client.post(_url("comment_post", private_proposal), {"comment": "x"}).status_code == 404
    assert client.post(_url("follow", private_proposal)).status_code == 404
    assert client.post(_url("report", private_proposal), {"reason": "spam"}).status_code == 404
    assert not Follow.objects.filter(user=outsider).exists()
    assert not Comment.objects.exists() and not Report.objects.exists()


def test_invited_member_still_comments_and_follows_the_private_proposal(client, private_proposal):
    colleague = UserFactory()
    SpaceMembership.objects.create(space=private_proposal.space, user=colleague)
    client.force_login(colleague)
    response = client.post(_url("comment_post", private_proposal), {"comment": "Bien vu"})
    assert response.status_code == 302
    assert Comment.objects.get().content_object == private_proposal
    assert Follow.objects.filter(user=colleague).count() == 1  # commenting follows


def test_declared_followables_outside_spaces_still_work(client):
    member, other, thematique = UserFactory(), UserFactory(), ThematiqueFactory()
    client.force_login(member)
    assert client.post(_url("follow", other)).status_code == 302
    assert client.post(_url("follow", thematique)).status_code == 302
    assert {f.content_object for f in Follow.objects.filter(user=member)} == {other, thematique}


@pytest.mark.parametrize(
    "path",
    [
        "/participer/commentaires/999999999999999999/1/",
        "/participer/commentaires/1/99999999999999999999999/",
        "/participer/suivre/2147483648/1/",
        "/participer/signaler/1/9223372036854775808/",
        "/participer/commentaires/9999999999/modifier/",
        "/participer/notifications/99999999999/",
    ],
)
def test_out_of_range_ids_are_404s_not_server_errors(client, path):
    client.force_login(UserFactory())
    assert client.post(path, {"comment": "x", "reason": "spam"}).status_code == 404
    assert _nothing_written()


def test_unknown_content_type_is_a_404(client, space):
    client.force_login(UserFactory())
    path = reverse("participation:comment_post", args=[999999, space.pk])
    assert client.post(path, {"comment": "x"}).status_code == 404
    assert not Comment.objects.exists()
