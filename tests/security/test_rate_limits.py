"""Finding 9: a burst of posts is refused with a clear French message, nothing written,
and what was typed kept. Each test lowers one limit to 2; the window (999 days) is far
longer than the test, so that no window boundary can fall during it."""

import pytest
from django.urls import reverse

from debates.models import Debate
from events.models import Registration
from participation.comments.api import post_comment
from participation.models import Comment, CommentReaction, Report
from participation.utils import content_type_for
from proposals.models import Proposal, Vote
from tests.factories import EventFactory, ProposalFactory, UserFactory, make_space
from tests.proposals.conftest import phase

pytestmark = pytest.mark.django_db

MESSAGE = "Vous avez publié beaucoup en peu de temps"
TEXT = "sentinelle-7f3a9c : un texte que le membre ne veut pas perdre"


@pytest.fixture
def limit(settings):
    def set_limit(scope):
        settings.MAILLAGE_RATE_LIMITS = {**settings.MAILLAGE_RATE_LIMITS, scope: "2/999d"}

    return set_limit


@pytest.fixture
def space(db):
    return make_space(
        "Appel à propositions",
        [phase("propose", "vote", "register")],
        modules=["proposals", "debates", "events"],
    )


def _comment_url(target):
    return reverse("participation:comment_post", args=[content_type_for(target).pk, target.pk])


@pytest.mark.parametrize("htmx", [False, True])
def test_third_comment_in_a_burst_is_refused_and_its_text_kept(member_client, space, limit, htmx):
    limit("comment")
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    for number in (1, 2):
        member_client.post(_comment_url(space), {"comment": f"Commentaire {number}"}, **headers)
    response = member_client.post(_comment_url(space), {"comment": TEXT}, **headers)
    html = response.content.decode()
    assert response.status_code == 200
    assert MESSAGE in html and TEXT in html
    assert Comment.objects.count() == 2
    assert not Comment.objects.filter(comment=TEXT).exists()


def test_third_report_in_a_burst_is_refused_and_its_details_kept(member_client, space, limit):
    limit("report")
    targets = [post_comment(UserFactory(), space, f"Contenu {n}") for n in range(3)]
    for target in targets[:2]:
        url = reverse("participation:report", args=[content_type_for(target).pk, target.pk])
        member_client.post(url, {"reason": "spam"})
    url = reverse("participation:report", args=[content_type_for(targets[2]).pk, targets[2].pk])
    response = member_client.post(url, {"reason": "spam", "details": TEXT})
    html = response.content.decode()
    assert MESSAGE in html and TEXT in html
    assert Report.objects.count() == 2


def test_third_proposal_in_a_burst_is_refused_and_its_text_kept(member_client, space, limit):
    limit("proposal")
    url = reverse("proposals:create", args=[space.slug])
    body = "Le constat, ce que nous proposons et pour qui, en quelques lignes."
    for number in (1, 2):
        member_client.post(
            url, {"title": f"Ouvrir les centres sociaux, idée {number}", "body": body}
        )
    response = member_client.post(
        url, {"title": "Ouvrir les centres sociaux le dimanche", "body": TEXT}
    )
    html = response.content.decode()
    assert MESSAGE in html and TEXT in html and "Ouvrir les centres sociaux le dimanche" in html
    assert Proposal.objects.count() == 2


@pytest.mark.parametrize("htmx", [False, True])
def test_third_vote_in_a_burst_is_refused(member_client, member, space, limit, htmx):
    limit("vote")
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    proposals = [ProposalFactory(space=space) for _n in range(3)]
    for proposal in proposals:
        response = member_client.post(
            reverse("proposals:vote", args=[proposal.pk]), {"action": "add"}, follow=True, **headers
        )
    assert MESSAGE in response.content.decode()
    assert Vote.objects.filter(user=member).count() == 2
    assert not Vote.objects.filter(proposal=proposals[2]).exists()


def test_third_registration_in_a_burst_is_refused(member_client, member, limit):
    limit("registration")
    events = [EventFactory() for _n in range(3)]
    for event in events:
        response = member_client.post(reverse("events:register", args=[event.pk]), follow=True)
    assert MESSAGE in response.content.decode()
    assert Registration.objects.filter(user=member).count() == 2
    assert not Registration.objects.filter(event=events[2]).exists()


def test_third_debate_in_a_burst_is_refused_and_its_text_kept(
    member_client,
    debate_space,
    limit,
):
    limit("debate")
    url = reverse("debates:create", args=[debate_space.pk])
    for number in (1, 2):
        member_client.post(
            url, {"title": f"Faut-il mutualiser, question {number} ?", "description": "Oui."}
        )
    response = member_client.post(url, {"title": "Faut-il tout mutualiser ?", "description": TEXT})
    html = response.content.decode()
    assert MESSAGE in html and TEXT in html
    assert Debate.objects.count() == 2


@pytest.mark.parametrize("htmx", [False, True])
def test_decorated_view_answers_429_in_the_layout_or_a_fragment(member_client, space, limit, htmx):
    limit("reaction")
    headers = {"HTTP_HX_REQUEST": "true"} if htmx else {}
    comments = [post_comment(UserFactory(), space, f"Utile {n} ?") for n in range(3)]
    for comment in comments:
        response = member_client.post(
            reverse("participation:comment_react", args=[comment.pk]), {"kind": "useful"}, **headers
        )
    html = response.content.decode()
    assert MESSAGE in html and 'name="kind" value="useful"' in html
    assert response.status_code == (200 if htmx else 429)
    assert ("<footer" in html) is not htmx
    assert CommentReaction.objects.count() == 2
