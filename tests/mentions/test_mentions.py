"""Mentions: reading names, recording once, notifying only who can see the content, the
link to the profile, and the suggestions endpoint."""

import pytest
from django.core import mail
from django.template import Context, Template
from django.urls import reverse

from mentions.models import Mention
from mentions.parsing import resolve
from participation.comments.api import post_comment
from participation.models import Notification, NotificationSettings
from participation.notifications.api import groups_of
from participation.spaces.api import Visibility
from proposals.services import authoring
from tests.factories import (
    CommentFactory,
    ProposalFactory,
    UserFactory,
    directory_member,
    make_space,
)

pytestmark = pytest.mark.django_db

SUGGEST = reverse("mentions:suggest")


@pytest.fixture
def nadia():
    return directory_member(display_name="Nadia Haddad")


def _mentions_of(user):
    return Notification.objects.filter(recipient=user, activity__verb__startswith="vous a ment")


def test_names_are_read_longest_first_and_only_for_directory_members(nadia):
    hidden = UserFactory(display_name="Karim Benali")  # not in the directory
    directory_member(display_name="Nadia")
    twins = [directory_member(display_name="Léa Petit") for _ in range(2)]
    text = "Merci @nadia haddad, @Karim Benali et @Léa Petit ; écrire à x@Nadia n’en est pas une."
    assert resolve(text) == [nadia]
    assert hidden not in resolve(text) and not set(twins) & set(resolve(text))
    assert resolve("Aucune mention ici") == []


def test_comment_mention_notifies_once_in_one_group_and_links_the_profile(space, nadia):
    author = UserFactory()
    comment = post_comment(author, space, "Qu’en pense @Nadia Haddad ? <b>sentinelle-4e1a</b>")
    post_comment(author, space, "Et toi @Nadia Haddad ?")
    assert Mention.objects.filter(user=nadia).count() == 2
    assert _mentions_of(nadia).count() == 2
    [group] = [g for g in groups_of(nadia) if g.verb.startswith("vous a")]
    assert str(group.summary) == f"2 mentions de vous sur « {space.title} »"

    html = Template("{% load participation_tags mentions_tags %}{{ text|comment_text|mentions }}")
    rendered = html.render(Context({"text": comment.comment}))
    profile = reverse("members:profile", args=[nadia.pk])
    assert f'<a class="mention" href="{profile}">@Nadia Haddad</a> ?' in rendered
    assert "<b>" not in rendered and "&lt;b&gt;sentinelle-4e1a" in rendered


def test_editing_a_proposal_records_new_mentions_but_never_notifies_twice(nadia):
    space = make_space(phases=None)
    author = UserFactory()
    proposal = authoring.create_draft(
        author, space, title="Un tiers-lieu", body="Avec @Nadia Haddad"
    )
    # A draft is seen by its authors only: recorded, not notified yet.
    assert Mention.objects.get(user=nadia).notified_at is None
    assert not _mentions_of(nadia).exists()
    authoring.publish(author, proposal)
    assert _mentions_of(nadia).count() == 1
    karim = directory_member(display_name="Karim Benali")
    authoring.update(author, proposal, body="Avec @Nadia Haddad et @Karim Benali, modifié")
    assert _mentions_of(nadia).count() == 1
    assert _mentions_of(karim).count() == 1
    assert Mention.objects.filter(object_id=proposal.pk).count() == 2
    authoring.update(author, proposal, body="Avec @Karim Benali seulement")
    assert list(Mention.objects.filter(object_id=proposal.pk).values_list("user", flat=True)) == [
        karim.pk
    ]


def test_editing_a_comment_reads_its_mentions_again(
    space, nadia, member, member_client, django_capture_on_commit_callbacks
):
    """Added by an edit: notified once, by the notify entry point (so by e-mail only as
    each member chose); taken out: its row goes, the other comments' rows stay."""
    karim = directory_member(display_name="Karim Benali")
    for user, frequency in ((nadia, "immediate"), (karim, "never")):
        NotificationSettings.objects.update_or_create(
            user=user, defaults={"email_frequency": frequency}
        )
    other = post_comment(UserFactory(), space, "Bonjour @Karim Benali")
    comment = post_comment(member, space, "Première version sentinelle-5b2d")
    edit = reverse("participation:comment_edit", args=[comment.pk])
    with django_capture_on_commit_callbacks(execute=True):
        for text in ("Avec @Nadia Haddad et @Karim Benali", "Avec @Nadia Haddad, @Karim Benali !"):
            assert member_client.post(edit, {"comment": text}).status_code == 302
    assert _mentions_of(nadia).count() == 1 and _mentions_of(karim).count() == 2
    assert [message.to for message in mail.outbox] == [[nadia.email]]
    assert Mention.objects.filter(object_id=comment.pk).count() == 2

    member_client.post(edit, {"comment": "Avec @Karim Benali seulement"})
    assert list(Mention.objects.filter(object_id=comment.pk).values_list("user", flat=True)) == [
        karim.pk
    ]
    member_client.post(edit, {"comment": "Plus personne"})
    assert not Mention.objects.filter(object_id=comment.pk).exists()
    assert Mention.objects.filter(object_id=other.pk, user=karim).exists()
    assert _mentions_of(nadia).count() == 1 and _mentions_of(karim).count() == 2


def test_private_space_never_leaks_a_mention(nadia):
    invited = directory_member(display_name="Invitée Groupe")
    private = make_space("Groupe restreint", visibility=Visibility.PRIVATE, memberships=[invited])
    proposal = ProposalFactory(space=private, author=invited, body="Voir @Nadia Haddad")
    assert not _mentions_of(nadia).exists()
    assert Mention.objects.get(user=nadia, object_id=proposal.pk).notified_at is None
    comment = CommentFactory(content_object=proposal, user=invited, comment="@Nadia Haddad ?")
    assert not _mentions_of(nadia).exists()
    assert Mention.objects.filter(object_id=comment.pk, user=nadia).exists()


def test_hidden_content_notifies_nobody(space, nadia):
    proposal = ProposalFactory(space=space, is_hidden=True, body="Bonjour")
    authoring_author = proposal.author
    CommentFactory(content_object=proposal, user=authoring_author, comment="@Nadia Haddad")
    assert not _mentions_of(nadia).exists()


def test_suggestions_for_members_only_without_those_outside_the_directory(
    client, member_client, nadia
):
    UserFactory(display_name="Nadia Cachée")  # not in the directory
    assert client.get(SUGGEST, {"q": "Nadia"}).status_code == 302
    html = member_client.get(SUGGEST, {"q": "nàdia"}).content.decode()
    assert 'role="option"' in html and "Nadia Haddad" in html and "Cachée" not in html
    assert "1 membre proposé" in html
    assert 'role="option"' not in member_client.get(SUGGEST, {"q": "n"}).content.decode()
    empty = member_client.get(SUGGEST, {"q": "Personne\x00"})
    assert empty.status_code in (200, 400)


def test_suggestions_are_at_most_eight_and_rate_limited(member_client, settings):
    for n in range(10):
        directory_member(display_name=f"Membre Annuaire {n}")
    assert (
        member_client.get(SUGGEST, {"q": "annuaire"}).content.decode().count('role="option"') == 8
    )
    settings.MAILLAGE_RATE_LIMITS = {**settings.MAILLAGE_RATE_LIMITS, "mention_search": "2/999d"}
    for _ in range(2):
        assert member_client.get(SUGGEST, {"q": "annuaire"}).status_code == 200
    refused = member_client.get(SUGGEST, {"q": "annuaire"})
    assert refused.status_code == 429 and "patientez" in refused.content.decode()


def test_thread_with_mentions_keeps_its_queries(
    client, space, nadia, django_assert_max_num_queries
):
    """Few and more mentioned comments: the same queries (the names come from one cached
    read, not one per comment)."""
    counts = []
    for total in (1, 3):
        while Mention.objects.count() < total:
            CommentFactory(content_object=space, comment="Une question pour @Nadia Haddad")
        client.get(space.url)
        with django_assert_max_num_queries(25) as queries:
            html = client.get(space.url).content.decode()
        assert html.count('class="mention"') == total
        counts.append(len(queries))
    assert counts[0] == counts[1]
