import csv
import io
import json

import pytest
from django.urls import reverse

from participation.comments.api import post_comment
from proposals.models import Proposal
from proposals.services import votes
from tests.factories import ProposalFactory, ThematiqueFactory, UserFactory, make_space
from tests.proposals.conftest import phase

pytestmark = pytest.mark.django_db


def _list(client, space, **params):
    return client.get(reverse("proposals:list", args=[space.slug]), params)


def _titles(response):
    return {p.title for p in response.context["page_obj"].object_list}


def test_filters_by_state_thematique_tag_mine_voted_and_withdrawn(
    member_client, member, vote_space
):
    thematique = ThematiqueFactory(name="Santé des habitants", slug="sante-test")
    mine = ProposalFactory(space=vote_space, author=member, title="Ma proposition sur la santé")
    mine.thematiques.add(thematique)
    mine.tags.add("médiation")
    answered = ProposalFactory(
        space=vote_space, title="Proposition déjà acceptée", state="accepted"
    )
    voted = ProposalFactory(space=vote_space, title="Proposition que je soutiens")
    votes.vote(member, voted)
    ProposalFactory(
        space=vote_space, title="Proposition retirée du vote", withdrawn_at="2026-01-01T00:00Z"
    )

    assert _titles(_list(member_client, vote_space)) == {mine.title, answered.title, voted.title}
    assert _titles(_list(member_client, vote_space, state="accepted")) == {answered.title}
    assert _titles(_list(member_client, vote_space, state="unanswered")) == {
        mine.title,
        voted.title,
    }
    assert _titles(_list(member_client, vote_space, thematique="sante-test")) == {mine.title}
    assert _titles(_list(member_client, vote_space, tag="médiation")) == {mine.title}
    assert _titles(_list(member_client, vote_space, mine="on")) == {mine.title}
    assert _titles(_list(member_client, vote_space, voted="on")) == {voted.title}
    withdrawn = _list(member_client, vote_space, withdrawn="on")
    assert _titles(withdrawn) == {"Proposition retirée du vote"}
    assert withdrawn.context["counts"] == {
        "total": 3, "withdrawn": 1, "unanswered": 2, "evaluating": 0, "accepted": 1,
        "rejected": 0, "implemented": 0, "mine": 1, "voted": 1,
    }  # fmt: skip
    assert "Santé des habitants (1)" in withdrawn.content.decode()


def test_full_text_query_finds_words_in_title_and_body(client, vote_space):
    ProposalFactory(
        space=vote_space, title="Former les chefs de projet", body="Évaluation des contrats."
    )
    ProposalFactory(space=vote_space, title="Jardins partagés en pied d’immeuble")
    assert _titles(_list(client, vote_space, q="évaluations")) == {"Former les chefs de projet"}


def test_sort_orders_and_stable_random_order(client, vote_space):
    low, high = ProposalFactory.create_batch(2, space=vote_space)
    for voter in UserFactory.create_batch(2):
        votes.vote(voter, high)
    commented = ProposalFactory(space=vote_space)
    post_comment(UserFactory(), commented, "Bonne idée.")

    by_votes = _list(client, vote_space, order="votes").context["page_obj"].object_list
    assert by_votes[0] == high
    by_comments = _list(client, vote_space, order="comments").context["page_obj"].object_list
    assert by_comments[0] == commented
    first = list(_list(client, vote_space).context["page_obj"].object_list)
    assert list(_list(client, vote_space).context["page_obj"].object_list) == first


def test_anonymous_random_order_opens_no_session_so_the_page_can_be_cached(client, vote_space):
    ProposalFactory.create_batch(3, space=vote_space)
    first = _list(client, vote_space)
    assert "sessionid" not in first.cookies
    again = _list(client, vote_space)
    assert list(again.context["page_obj"].object_list) == list(
        first.context["page_obj"].object_list
    )


def _populate(space, count):
    thematique = ThematiqueFactory()
    voters = UserFactory.create_batch(20)  # 3 votes each at most: the space's limit
    for index, proposal in enumerate(ProposalFactory.create_batch(count, space=space)):
        proposal.thematiques.add(thematique)
        proposal.tags.add(f"mot-{index % 4}")
        votes.vote(voters[index % 20], proposal)


# 25: a full page of 20 and a second page.
@pytest.mark.parametrize("count", [5, 25])
def test_list_makes_a_constant_number_of_queries(
    member_client, vote_space, django_assert_max_num_queries, count
):
    _populate(vote_space, count)
    # The same for 5 and 50 proposals; the header's unread messages count is one of them.
    with django_assert_max_num_queries(31):
        response = _list(member_client, vote_space, order="recent")
    assert len(response.context["page_obj"].object_list) == min(count, 20)


# 25 threads: a full page of 20 (with 10 replies) and a second page.
@pytest.mark.parametrize("count", [5, 25])
def test_detail_makes_a_constant_number_of_queries(
    member_client, member, vote_space, django_assert_max_num_queries, count
):
    proposal = ProposalFactory(space=vote_space, author=member)
    proposal.thematiques.add(ThematiqueFactory())
    for index in range(count):
        parent = post_comment(UserFactory(), proposal, f"Commentaire {index}")
        if index % 2:
            post_comment(member, proposal, "Réponse", parent=parent)
    with django_assert_max_num_queries(40):
        response = member_client.get(proposal.get_absolute_url())
    assert response.status_code == 200


def test_exports_give_votes_states_and_answers(client, vote_space):
    proposal = ProposalFactory(space=vote_space, title="Exporter les données ouvertes")
    votes.vote(UserFactory(), proposal)
    Proposal.objects.filter(pk=proposal.pk).update(state="rejected", answer="Non.")
    body = client.get(reverse("proposals:export_json", args=[vote_space.slug])).content
    row = json.loads(body)["proposals"][0]
    assert (row["titre"], row["votes"], row["etat"], row["reponse"]) == (
        "Exporter les données ouvertes", 1, "Rejetée", "Non.",
    )  # fmt: skip
    response = client.get(reverse("proposals:export_csv", args=[vote_space.slug]))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows[0]["titre"] == "Exporter les données ouvertes" and rows[0]["votes"] == "1"


def test_private_space_exports_only_for_its_members_and_moderators(client, member, moderator):
    space = make_space(
        "Groupe privé", [phase("propose")], visibility="private", memberships=[member]
    )
    ProposalFactory(space=space)
    url = reverse("proposals:export_csv", args=[space.slug])
    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    for allowed in (member, moderator):
        client.force_login(allowed)
        assert client.get(url).status_code == 200


def test_space_page_shows_its_proposals_section(client, vote_space):
    ProposalFactory(space=vote_space, title="Une proposition visible depuis la démarche")
    page = client.get(vote_space.url).content.decode()
    assert "Une proposition visible depuis la démarche" in page
    assert reverse("proposals:list", args=[vote_space.slug]) in page


def test_filter_counts_follow_a_new_answer_at_once(client, vote_space):
    proposal = ProposalFactory(space=vote_space)
    ProposalFactory(space=vote_space)
    assert _list(client, vote_space).context["counts"]["unanswered"] == 2

    Proposal.objects.filter(pk=proposal.pk).update(state="accepted")

    counts = _list(client, vote_space).context["counts"]
    assert (counts["unanswered"], counts["accepted"]) == (1, 1)


def test_the_members_own_counts_are_never_shared(client, member, vote_space):
    ProposalFactory(space=vote_space, author=member)
    _list(client, vote_space)  # the shared counts are now cached
    other = UserFactory()

    client.force_login(other)
    assert _list(client, vote_space).context["counts"]["mine"] == 0
    client.force_login(member)
    assert _list(client, vote_space).context["counts"]["mine"] == 1
