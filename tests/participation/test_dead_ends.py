"""No dead end: an action the current phase does not open says which phase is current,
which one opens it and when, with the next useful link, and writes nothing; members-only
content asks a logged-out visitor to log in and brings them back; private spaces stay
404 for outsiders."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from debates.models import Debate
from events.models import Registration
from participation.comments.api import Comment
from participation.spaces.api import Visibility, closed_action
from proposals.models import Proposal, Vote
from tests.factories import (
    PASSWORD,
    DebateFactory,
    EventFactory,
    ProposalFactory,
    UserFactory,
    make_space,
)

pytestmark = pytest.mark.django_db
MODULES = ["proposals", "debates", "events"]
HTMX = {"HTTP_HX_REQUEST": "true"}


def _q(text):
    """French quotation marks, with their no-break spaces."""
    return f"«\u00a0{text}\u00a0»"


def _phases(current_actions, upcoming_actions):
    today = timezone.localdate()
    return [
        {
            "title": "Vote des membres",
            "start_date": today - timedelta(days=3),
            "end_date": today + timedelta(days=3),
            "actions": current_actions,
        },
        {
            "title": "Nouvel appel",
            "start_date": today + timedelta(days=10),
            "end_date": today + timedelta(days=20),
            "actions": upcoming_actions,
        },
    ]


@pytest.fixture
def voting_space():
    """The vote is open; proposing, debating, registering and commenting open in ten days."""
    return make_space(
        "Démarche en phase de vote",
        _phases(["vote"], ["propose", "debate", "register", "comment"]),
        modules=MODULES,
    )


def _explains(response, action, *, opens=True):
    html = response.content.decode()
    assert (
        f"{_q(action)} n’est pas ouvert pendant la phase en cours, {_q('Vote des membres')}" in html
    )
    if opens:
        date = timezone.localdate() + timedelta(days=10)
        day = "1er" if date.day == 1 else date.day  # maillage/french_dates.py
        assert f"La phase {_q('Nouvel appel')} l’ouvrira à partir du {day} " in html
    else:
        assert "Aucune phase à venir ne l’ouvre." in html
    return html


# --- The reason and the opening phase -----------------------------------------------------
def test_closed_action_names_the_current_phase_and_the_next_one_that_opens_it(voting_space):
    assert closed_action(voting_space, "vote") is None
    closed = closed_action(voting_space, "propose")
    assert closed.label == "Proposer"
    assert closed.current_phase.title == "Vote des membres"
    assert closed.opening_phase.title == "Nouvel appel"
    # A module the space does not use is opened by no phase, whatever the phases say.
    without = make_space("Sans débats", _phases(["vote"], ["debate"]), modules=["proposals"])
    assert closed_action(without, "debate").opening_phase is None
    # No current phase at all.
    later = make_space("Pas commencée", _phases([], ["vote"])[1:], modules=MODULES)
    closed = closed_action(later, "vote")
    assert closed.current_phase is None and closed.opening_phase.title == "Nouvel appel"


# --- Every refused action explains itself and writes nothing ------------------------------
def test_proposing_during_the_vote_explains_when_proposals_open(voting_space, member_client):
    url = reverse("proposals:create", args=[voting_space.slug])
    response = member_client.get(url)
    assert response.status_code == 403
    html = _explains(response, "Proposer")
    assert reverse("proposals:list", args=[voting_space.slug]) in html
    response = member_client.post(url, {"title": "Une idée sentinelle-7f3a9c", "body": "x" * 50})
    assert response.status_code == 403
    assert not Proposal.objects.exists()


def test_voting_outside_the_vote_phase_explains_in_place_and_on_a_page(member, member_client):
    space = make_space("En contributions", _phases(["propose"], ["vote"]), modules=MODULES)
    proposal = ProposalFactory(space=space)
    url = reverse("proposals:vote", args=[proposal.pk])
    response = member_client.post(url, {"action": "add"})
    assert response.status_code == 403
    assert proposal.get_absolute_url() in _explains_vote(response)
    response = member_client.post(url, {"action": "add"}, **HTMX)
    assert response.status_code == 200  # htmx swaps only successful answers
    _explains_vote(response)
    assert not Vote.objects.exists()


def _explains_vote(response):
    html = response.content.decode()
    assert f"{_q('Voter')} n’est pas ouvert pendant la phase en cours" in html
    assert f"La phase {_q('Nouvel appel')} l’ouvrira à partir du" in html
    return html


def test_opening_a_debate_during_the_vote_explains_when_debates_open(voting_space, member_client):
    url = reverse("debates:create", args=[voting_space.pk])
    response = member_client.post(url, {"title": "Un débat sentinelle-7f3a9c", "description": "x"})
    assert response.status_code == 403
    assert f"?space={voting_space.pk}" in _explains(response, "Débattre")
    assert not Debate.objects.exists()
    # The list says it where the "Ouvrir un débat" button would be.
    _explains(member_client.get(f"{reverse('debates:list')}?space={voting_space.pk}"), "Débattre")


def test_registering_during_the_vote_explains_when_registrations_open(voting_space, member_client):
    event = EventFactory(space=voting_space)
    url = reverse("events:register", args=[event.pk])
    response = member_client.post(url)
    assert response.status_code == 403
    assert event.get_absolute_url() in _explains(response, "S’inscrire aux événements")
    response = member_client.post(url, **HTMX)
    assert response.status_code == 200
    _explains(response, "S’inscrire aux événements")
    page = member_client.get(event.get_absolute_url())
    _explains(page, "S’inscrire aux événements")  # the box says it before any click
    assert not Registration.objects.exists()


def test_commenting_when_the_phase_closes_comments_explains_it(voting_space, member_client):
    proposal = ProposalFactory(space=voting_space)
    url = reverse("participation:comment_post", args=[_ct(proposal), proposal.pk])
    response = member_client.post(url, {"comment": "Un avis sentinelle-7f3a9c"})
    assert response.status_code == 403
    assert proposal.get_absolute_url() in _explains(response, "Commenter")
    assert not Comment.objects.exists()


def test_an_action_no_phase_to_come_opens_says_so(member_client):
    space = make_space("Bientôt close", _phases(["vote"], ["vote"]), modules=MODULES)
    response = member_client.get(reverse("proposals:create", args=[space.slug]))
    assert response.status_code == 403
    _explains(response, "Proposer", opens=False)


def test_the_generic_refusal_page_offers_a_way_on(member, client):
    client.force_login(member)
    proposal = ProposalFactory(space=make_space(modules=MODULES))
    response = client.get(reverse("proposals:answer", args=[proposal.pk]))
    assert response.status_code == 403
    assert "Revenir à l’accueil" in response.content.decode()


def _ct(obj):
    from django.contrib.contenttypes.models import ContentType

    return ContentType.objects.get_for_model(obj).pk


# --- Members-only and private spaces ------------------------------------------------------
def test_members_only_content_asks_to_log_in_and_comes_back(client):
    space = make_space("Réservée", modules=MODULES, visibility=Visibility.MEMBERS)
    proposal = ProposalFactory(space=space)
    debate = DebateFactory(space=space)
    for url in (debate.get_absolute_url(), EventFactory(space=space).get_absolute_url()):
        assert client.get(url).url.startswith(reverse("account_login"))
    response = client.get(proposal.get_absolute_url())
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={proposal.get_absolute_url()}"
    member = UserFactory()
    response = client.post(
        reverse("account_login"),
        {"login": member.email, "password": PASSWORD, "next": proposal.get_absolute_url()},
    )
    assert response.status_code == 302 and response.url == proposal.get_absolute_url()
    assert client.get(response.url).status_code == 200


def test_private_space_stays_404_for_outsiders(client, member_client):
    invited = UserFactory()
    space = make_space(
        "Groupe de travail", modules=MODULES, visibility=Visibility.PRIVATE, memberships=[invited]
    )
    urls = [
        space.url,
        reverse("proposals:list", args=[space.slug]),
        ProposalFactory(space=space).get_absolute_url(),
        DebateFactory(space=space).get_absolute_url(),
        EventFactory(space=space).get_absolute_url(),
    ]
    for url in urls:
        assert client.get(url).status_code == 404, url
    # Forms behind a login: a member who is not invited gets the same 404.
    urls += [
        reverse("proposals:create", args=[space.slug]),
        reverse("debates:create", args=[space.pk]),
    ]
    for url in urls:
        assert member_client.get(url).status_code == 404, url


# --- Voting without JavaScript ----------------------------------------------------------------
def test_a_vote_without_javascript_returns_to_the_voted_card_with_a_message(member_client):
    space = make_space("Au vote", _phases(["vote"], []), modules=MODULES)
    proposal = ProposalFactory(space=space)
    list_url = reverse("proposals:list", args=[space.slug])
    url = reverse("proposals:vote", args=[proposal.pk])
    response = member_client.post(url, {"action": "add", "next": list_url + "?page=1"})
    assert response.status_code == 302
    assert response.url == f"{list_url}?page=1#vote-{proposal.pk}"
    assert "Vote enregistré." in member_client.get(response.url).content.decode()
    assert Vote.objects.filter(proposal=proposal).count() == 1
    response = member_client.post(url, {"action": "remove", "compact": "1"}, **HTMX)
    html = response.content.decode()
    assert "data-announce>Soutien retiré.</p>" in html and "data-focus-after-swap" in html
    assert not Vote.objects.exists()
