"""The cards of the proposals list are rendered once and shared by every reader: the
reader's vote, CSRF token and return path are filled in for each response, never carried
from one member to another, and every write that changes a card shows at once."""

import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from participation.comments.api import post_comment
from proposals import cards
from proposals.services import votes
from tests.factories import ProposalFactory, ThematiqueFactory, UserFactory

pytestmark = pytest.mark.django_db
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _card(html, proposal):
    start = html.index(f'href="{proposal.get_absolute_url()}"')
    return html[start : html.index("\n</li>", start)]


def _list(client, space, **params):
    url = reverse("proposals:list", args=[space.slug])
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    card_queries = [q["sql"] for q in queries if "taxonomy_thematique" in q["sql"]]
    return response.content.decode(), card_queries


def _secret_free(*pages):
    marker = cards.slots()["csrf"][:36]  # "<!--" and the secret
    return all(marker not in page and marker[4:] not in page for page in pages)


def test_cards_are_shared_but_each_reader_sees_their_own_vote_and_token(vote_space, member):
    thematique = ThematiqueFactory(name="Santé sentinelle-4e1b7d")
    supported = ProposalFactory(space=vote_space, title="Une proposition sentinelle-7f3a9c")
    supported.thematiques.add(thematique)
    votes.vote(member, supported)
    other, third = UserFactory.create_batch(2)
    readers = {}
    for user in (member, other, third):
        readers[user] = Client(enforce_csrf_checks=True)
        readers[user].force_login(user)

    second, queries = _list(readers[other], vote_space, order="recent", q="")
    assert queries  # rendered, then shared by those who have not voted for it
    _html, queries = _list(readers[third], vote_space, order="recent")
    assert queries == []  # the same card, from the cache
    first, _queries = _list(readers[member], vote_space, order="recent")
    anonymous, _queries = _list(Client(), vote_space)

    assert "Soutenue" in _card(first, supported) and "Soutenir" not in _card(first, supported)
    # The sidebar's own counts (a shared fragment keyed by them) stay each member's.
    assert "Celles que je soutiens (1)" in first and "Celles que je soutiens (0)" in second
    assert "Celles que je soutiens" not in anonymous
    assert "Soutenir" in _card(second, supported) and "Soutenue" not in _card(second, supported)
    assert "sentinelle-4e1b7d" in _card(second, supported)
    path = reverse("proposals:list", args=[vote_space.slug])
    assert f'value="{path}?order=recent"' in _card(first, supported)
    assert "order=recent&amp;q=" in _card(second, supported)  # each reader's own path
    assert "Se connecter" in _card(anonymous, supported) and "csrf" not in _card(
        anonymous, supported
    )
    # Each member's own token, the one their session checks: the vote goes through.
    token = TOKEN.search(_card(second, supported)).group(1)
    assert TOKEN.search(_card(first, supported)).group(1) != token
    url = reverse("proposals:vote", args=[supported.pk])
    assert readers[other].post(url, {"csrfmiddlewaretoken": token}).status_code == 302
    assert _secret_free(first, second, anonymous)


def test_every_write_shows_at_once_on_the_shared_cards(vote_space, member, member_client):
    proposal = ProposalFactory(space=vote_space, title="Proposition sentinelle-2c9e51")
    thematique = ThematiqueFactory(name="Emploi sentinelle-0a4f3e")
    proposal.thematiques.add(thematique)
    reader = Client()
    html, _queries = _list(reader, vote_space)
    assert "<strong>0</strong> soutien" in _card(html, proposal)

    votes.vote(UserFactory(), proposal)  # another member's vote: the count moves
    html, _queries = _list(reader, vote_space)
    assert "<strong>1</strong> soutien" in _card(html, proposal)
    post_comment(UserFactory(), proposal, "Un avis sentinelle-55d1c2")
    html, _queries = _list(reader, vote_space)
    assert "1 commentaire" in _card(html, proposal)
    thematique.name = "Emploi renommé sentinelle-e3b8a1"
    thematique.save()
    proposal.author.display_name = "Nom changé sentinelle-9d7c40"
    proposal.author.save()
    html, _queries = _list(reader, vote_space)
    assert "sentinelle-e3b8a1" in _card(html, proposal)
    assert "sentinelle-9d7c40" in _card(html, proposal)
    # The member's own vote turns their button, and only theirs.
    member_client.post(reverse("proposals:vote", args=[proposal.pk]), {"action": "add"})
    mine, _queries = _list(member_client, vote_space)
    html, _queries = _list(reader, vote_space)
    assert "Soutenue" in _card(mine, proposal) and "<strong>2</strong> soutiens" in _card(
        html, proposal
    )
    assert "Soutenue" not in html
    assert "Celles que je soutiens (1)" in mine


def test_a_comment_elsewhere_keeps_the_rows_and_each_write_to_a_listed_one_shows(vote_space):
    """The rows of a page note their proposals' thread versions, not the comment tables:
    a comment on a proposal off the page reads nothing again; one on a listed proposal,
    its hiding and a new proposal show at once."""
    listed = ProposalFactory(space=vote_space, title="Proposition sentinelle-81c4d2")
    elsewhere = ProposalFactory(space=vote_space, title="Ailleurs")
    commenter, reader = UserFactory(), Client()
    params = {"order": "recent", "q": "sentinelle-81c4d2"}

    def page():
        with CaptureQueriesContext(connection) as queries:
            html = reader.get(reverse("proposals:list", args=[vote_space.slug]), params)
        return html.content.decode(), " ".join(q["sql"] for q in queries.captured_queries)

    first, _ = page()
    post_comment(commenter, elsewhere, "Ailleurs")
    kept, read = page()
    comment = post_comment(commenter, listed, "Un avis")
    commented, _ = page()
    comment.is_hidden = True
    comment.save()
    hidden, _ = page()
    ProposalFactory(space=vote_space, title="Nouvelle sentinelle-81c4d2")
    added, _ = page()

    assert "0 commentaire" in _card(first, listed) and kept == first
    assert '"django_comments"' not in read and '"proposals_proposal"' not in read
    assert "1 commentaire" in _card(commented, listed)
    assert "0 commentaire" in _card(hidden, listed)
    assert "Nouvelle sentinelle-81c4d2" in added and "2 propositions" in added


def test_the_space_its_phases_and_the_follow_button_follow_every_write(vote_space, member_client):
    """Space, phases and "am I following" come from the exact cache: each write shows at
    once, and one member's follow never shows as another's."""
    proposal = ProposalFactory(space=vote_space, title="Proposition sentinelle-6b1f0d")
    other = Client()
    other.force_login(UserFactory())
    url = proposal.get_absolute_url()
    followed = "Suivi ✓ — ne plus suivre"
    assert followed not in member_client.get(url).content.decode()
    follow = reverse("participation:follow", args=[proposal_type(proposal), proposal.pk])
    member_client.post(follow, {"action": "follow"})
    assert followed in member_client.get(url).content.decode()
    assert followed not in other.get(url).content.decode()
    member_client.post(follow, {"action": "unfollow"})
    assert followed not in member_client.get(url).content.decode()

    vote = 'name="action" value="add"'
    assert vote in member_client.get(url).content.decode()
    vote_space.phases.update(actions=[])  # the vote phase closes
    assert vote not in member_client.get(url).content.decode()
    vote_space.title = "Démarche renommée sentinelle-3c8e2a"
    vote_space.save()
    assert "sentinelle-3c8e2a" in member_client.get(url).content.decode()
    assert (
        "sentinelle-3c8e2a"
        in other.get(reverse("proposals:list", args=[vote_space.slug])).content.decode()
    )


def proposal_type(proposal):
    return ContentType.objects.get_for_model(proposal).pk
