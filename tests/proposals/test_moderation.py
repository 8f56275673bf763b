import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from participation.models import Notification
from participation.notifications.api import follow
from proposals.models import Proposal, Vote
from proposals.services import answers, votes
from tests.factories import ProposalFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_moderator_answers_and_authors_and_followers_are_notified(client, moderator, vote_space):
    author = UserFactory()
    proposal = ProposalFactory(space=vote_space, author=author)
    follow(author, proposal)
    follower = UserFactory()
    follow(follower, proposal)
    client.force_login(moderator)
    response = client.post(
        reverse("proposals:answer", args=[proposal.pk]),
        {"state": "accepted", "answer": "Retenue pour le programme de travail 2026."},
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.state == "accepted" and proposal.answered_by == moderator
    assert set(Notification.objects.values_list("recipient", flat=True)) == {
        author.pk,
        follower.pk,
    }
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Réponse officielle" in page and "Retenue pour le programme" in page


def test_members_cannot_answer_or_merge(member_client, vote_space):
    proposal = ProposalFactory(space=vote_space)
    assert member_client.get(reverse("proposals:answer", args=[proposal.pk])).status_code == 403
    assert member_client.get(reverse("proposals:merge", args=[proposal.pk])).status_code == 403


def test_merge_moves_votes_without_counting_a_member_twice(client, moderator, vote_space):
    kept, duplicate = ProposalFactory.create_batch(2, space=vote_space)
    both, only_kept, only_duplicate = UserFactory.create_batch(3)
    for voter in (both, only_kept):
        votes.vote(voter, kept)
    for voter in (both, only_duplicate):
        votes.vote(voter, duplicate)
    follower = UserFactory()
    follow(follower, duplicate)

    client.force_login(moderator)
    client.post(reverse("proposals:merge", args=[duplicate.pk]), {"kept": kept.pk})

    kept.refresh_from_db()
    duplicate.refresh_from_db()
    assert kept.vote_count == 3
    assert set(Vote.objects.filter(proposal=kept).values_list("user", flat=True)) == {
        both.pk,
        only_kept.pk,
        only_duplicate.pk,
    }
    assert duplicate.merged_into == kept and duplicate.vote_count == 0
    assert not Vote.objects.filter(proposal=duplicate).exists()
    page = client.get(duplicate.get_absolute_url()).content.decode()
    assert kept.get_absolute_url() in page
    assert Notification.objects.filter(recipient=follower).exists()
    # The merged proposal leaves the list and takes no more votes.
    assert duplicate not in Proposal.objects.listed()
    with pytest.raises(Exception):  # noqa: B017 — PermissionDenied
        votes.vote(UserFactory(), duplicate)


def test_results_rank_proposals_by_votes_with_their_states(
    client, member_client, vote_space, moderator
):
    """The ranking is one fragment for every reader, read only on a miss: a vote, an
    answer or a new proposal shows at once."""
    url = reverse("proposals:results", args=[vote_space.slug])
    first, second, third = (
        ProposalFactory(space=vote_space, title=f"Proposition {name}-5e2a7f")
        for name in ("première", "deuxième", "troisième")
    )
    for voter in UserFactory.create_batch(2):
        votes.vote(voter, second)
    votes.vote(UserFactory(), third)
    answers.answer(moderator, second, "implemented", "C’est fait.")
    response = client.get(url)
    assert list(response.context["page_obj"].object_list) == [second, third, first]
    assert "Mise en œuvre" in response.content.decode()

    def table(html):
        return html[html.index("<table") : html.index("</table>")]

    with CaptureQueriesContext(connection) as queries:
        again = member_client.get(url).content.decode()
    assert table(again) == table(response.content.decode())
    assert '"proposals_proposal"' not in " ".join(q["sql"] for q in queries.captured_queries)
    for voter in UserFactory.create_batch(3):
        votes.vote(voter, first)
    adopted = ProposalFactory(space=vote_space, title="Proposition sentinelle-4c8e1d")
    answers.answer(moderator, adopted, "accepted", "Adoptée.")
    after = table(client.get(url).content.decode())
    assert after.index(first.title) < after.index(second.title)
    assert "sentinelle-4c8e1d" in after and "Acceptée" in after
