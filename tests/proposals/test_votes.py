import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.urls import reverse

from proposals.models import Proposal, ProposalSettings, Vote
from proposals.services import votes
from tests.concurrency import race
from tests.factories import ProposalFactory, UserFactory, make_space
from tests.proposals.conftest import phase

pytestmark = pytest.mark.django_db


def test_member_cannot_vote_twice(member, vote_space, django_assert_num_queries):
    proposal = ProposalFactory(space=vote_space)
    assert votes.vote(member, proposal) is True
    with django_assert_num_queries(1) as second:  # seen before taking any lock
        assert votes.vote(member, proposal) is False
    assert "FOR UPDATE" not in second.captured_queries[0]["sql"]
    assert Proposal.objects.get(pk=proposal.pk).vote_count == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        Vote.objects.create(proposal=proposal, user=member, space=vote_space)


def test_member_removes_a_vote_while_voting_is_open(member_client, member, vote_space):
    proposal = ProposalFactory(space=vote_space)
    url = reverse("proposals:vote", args=[proposal.pk])
    member_client.post(url, {"action": "add"})
    assert Proposal.objects.get(pk=proposal.pk).vote_count == 1
    member_client.post(url, {"action": "remove"})
    assert Proposal.objects.get(pk=proposal.pk).vote_count == 0
    assert not Vote.objects.exists()


def test_vote_limit_per_space_and_remaining_votes_shown(member_client, member, vote_space):
    proposals = ProposalFactory.create_batch(4, space=vote_space)
    for proposal in proposals[:3]:
        votes.vote(member, proposal)
    with pytest.raises(votes.VoteLimitReached):
        votes.vote(member, proposals[3])

    response = member_client.post(
        reverse("proposals:vote", args=[proposals[3].pk]),
        {"action": "add"},
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    assert "utilisé tous vos votes" in page
    assert 'id="votes-restants"' in page and "hx-swap-oob" in page
    # Another space has its own budget.
    other = make_space("Autre vote", [phase("vote")])
    ProposalSettings.objects.create(space=other, vote_limit=3)
    assert votes.vote(member, ProposalFactory(space=other))


def test_htmx_vote_replaces_the_block_in_place(member_client, vote_space):
    proposal = ProposalFactory(space=vote_space)
    response = member_client.post(
        reverse("proposals:vote", args=[proposal.pk]),
        {"action": "add", "compact": "1"},
        HTTP_HX_REQUEST="true",
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert f'id="vote-{proposal.pk}"' in page
    assert "Soutenue" in page and "<strong>1</strong> soutien" in page
    assert "Il vous reste <strong>2</strong> votes sur 3" in page


def test_vote_without_javascript_returns_to_the_page(member_client, vote_space):
    proposal = ProposalFactory(space=vote_space)
    response = member_client.post(
        reverse("proposals:vote", args=[proposal.pk]), {"action": "add", "next": "/propositions/"}
    )
    assert response.status_code == 302 and response.url == f"/propositions/#vote-{proposal.pk}"
    # Another page than the proposal's: the message stays at the top of the page, as before.
    list_page = member_client.get(reverse("proposals:list", args=[vote_space.slug]))
    assert (
        '<li class="message message--success">Vote enregistré.</li>' in list_page.content.decode()
    )


def test_vote_and_follow_without_javascript_confirm_at_their_button(
    member_client, member, vote_space
):
    """On a phone the page reloads at the button's anchor: the confirmation is shown there
    (role=status), once, and not in the messages at the top, which are out of sight."""
    proposal = ProposalFactory(space=vote_space, title="Jardins sentinelle-7f3a9c")
    page_url = proposal.get_absolute_url()
    response = member_client.post(
        reverse("proposals:vote", args=[proposal.pk]),
        {"action": "add", "next": f"{page_url}?tri=recent#ailleurs"},
    )
    assert response.url == f"{page_url}?tri=recent#vote-{proposal.pk}"
    page = member_client.get(f"{page_url}?tri=recent").content.decode()
    block = page[page.index(f'id="vote-{proposal.pk}"') :]
    block = block[: block.index("</div>")]
    assert (
        '<p class="message message--success card-notice" role="status">Vote enregistré.</p>'
        in block
    )
    assert page.count("Vote enregistré.") == 1 and 'class="messages"' not in page
    # The actions come before the thread in the source (phone and Tab order), as the anchor.
    assert page.index(f'id="vote-{proposal.pk}"') < page.index('<section class="comments"')
    assert "Vote enregistré." not in member_client.get(page_url).content.decode()  # taken once

    follow_type = ContentType.objects.get_for_model(Proposal).pk
    follow_url = reverse("participation:follow", args=[follow_type, proposal.pk])
    anchor = f"follow-{follow_type}-{proposal.pk}"
    for unsafe in ("https://ailleurs.example/", "//ailleurs.example/"):  # never another site
        response = member_client.post(follow_url, {"action": "follow", "next": unsafe})
        assert response.url == f"{page_url}#{anchor}"
    page = member_client.get(page_url).content.decode()
    form = page[page.index(f'id="{anchor}"') : page.index("</form>", page.index(f'id="{anchor}"'))]
    notice = "Vous suivez « Jardins sentinelle-7f3a9c »."
    assert f'<p class="message message--success card-notice" role="status">{notice}</p>' in form
    assert page.count(notice) == 1 and 'class="messages"' not in page
    # Sent from another page (the list): the message at the top there, the anchor kept.
    list_url = reverse("proposals:list", args=[vote_space.slug])
    response = member_client.post(follow_url, {"action": "unfollow", "next": list_url})
    assert response.url == f"{list_url}#{anchor}"
    page = member_client.get(list_url).content.decode()
    assert "Vous ne suivez plus « Jardins sentinelle-7f3a9c »." in page
    assert "card-notice" not in page
    # The limit reached: the error in the card, as an alert.
    for other in ProposalFactory.create_batch(2, space=vote_space):
        votes.vote(member, other)
    unvoted = ProposalFactory(space=vote_space)
    member_client.post(
        reverse("proposals:vote", args=[unvoted.pk]),
        {"action": "add", "next": unvoted.get_absolute_url()},
    )
    page = member_client.get(unvoted.get_absolute_url()).content.decode()
    assert 'class="message message--error card-notice" role="alert">Vous avez utilisé' in page


def test_votes_on_a_withdrawn_proposal_are_given_back_to_the_voter(member, vote_space):
    proposals = ProposalFactory.create_batch(4, space=vote_space)
    for proposal in proposals[:3]:
        votes.vote(member, proposal)
    Proposal.objects.filter(pk=proposals[0].pk).update(withdrawn_at="2026-01-01T00:00Z")
    assert votes.vote(member, proposals[3])


def test_nobody_votes_outside_the_vote_phase(member):
    space = make_space("Appel", [phase("propose")])
    proposal = ProposalFactory(space=space)
    with pytest.raises(PermissionDenied):
        votes.vote(member, proposal)


def test_visitor_is_asked_to_log_in_to_vote(client, vote_space):
    proposal = ProposalFactory(space=vote_space)
    response = client.post(reverse("proposals:vote", args=[proposal.pk]), {"action": "add"})
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={proposal.get_absolute_url()}"
    assert not Vote.objects.exists()


def test_private_space_votes_only_for_invited_members(client, member):
    outsider = UserFactory()
    space = make_space("Groupe privé", [phase("vote")], visibility="private", memberships=[member])
    proposal = ProposalFactory(space=space)
    client.force_login(outsider)
    assert client.get(proposal.get_absolute_url()).status_code == 404
    assert client.post(reverse("proposals:vote", args=[proposal.pk])).status_code == 404
    assert not Vote.objects.exists()
    assert votes.vote(member, proposal)


def test_counts_are_hidden_until_the_vote_phase_ends(client, vote_space):
    ProposalSettings.objects.filter(space=vote_space).update(hide_counts_during_vote=True)
    proposal = ProposalFactory(space=vote_space, title="Proposition encore secrète")
    votes.vote(UserFactory(), proposal)
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Votes affichés à la fin du vote" in page
    results = client.get(reverse("proposals:results", args=[vote_space.slug])).content.decode()
    assert "Proposition encore secrète" not in results


def test_proposal_is_retained_at_the_threshold(client, vote_space):
    proposal = ProposalFactory(space=vote_space)
    votes.vote(UserFactory(), proposal)
    assert "Retenue" not in client.get(proposal.get_absolute_url()).content.decode()
    votes.vote(UserFactory(), proposal)
    assert "Retenue" in client.get(proposal.get_absolute_url()).content.decode()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_vote_limit_holds_when_one_member_votes_from_many_tabs_at_once():
    """Eight requests at the same instant, each on its own connection: the member ends
    with exactly the limit, and each proposal's counter matches its votes."""
    space = make_space("Vote concurrent", [phase("vote")])
    ProposalSettings.objects.create(space=space, vote_limit=3)
    member = UserFactory()
    proposals = ProposalFactory.create_batch(8, space=space)
    outcomes = race(
        [lambda p=p: votes.vote(member, p) for p in proposals], {votes.VoteLimitReached: "limit"}
    )

    assert outcomes.count(True) == 3
    assert outcomes.count("limit") == 5
    assert Vote.objects.filter(user=member).count() == 3
    for proposal in Proposal.objects.filter(space=space):
        assert proposal.vote_count == Vote.objects.filter(proposal=proposal).count()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_same_vote_sent_twice_at_once_counts_once():
    space = make_space("Double clic", [phase("vote")])
    proposal = ProposalFactory(space=space)
    member = UserFactory()
    outcomes = race([lambda: votes.vote(member, proposal)] * 6, {votes.VoteLimitReached: "limit"})
    assert outcomes.count(True) == 1
    assert Vote.objects.filter(proposal=proposal).count() == 1
    assert Proposal.objects.get(pk=proposal.pk).vote_count == 1


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_many_members_voting_at_once_lose_no_vote():
    space = make_space("Affluence", [phase("vote")])
    proposal = ProposalFactory(space=space)
    members = UserFactory.create_batch(10)
    outcomes = race(
        [lambda m=m: votes.vote(m, proposal) for m in members], {votes.VoteLimitReached: "limit"}
    )
    assert outcomes.count(True) == 10
    assert Proposal.objects.get(pk=proposal.pk).vote_count == 10
