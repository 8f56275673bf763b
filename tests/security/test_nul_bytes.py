"""Finding 4: a NUL character in a query string or a form field is refused with a French
message, what was typed kept without it; never a 500 from PostgreSQL."""

import pytest
from django.urls import reverse

from participation.models import Comment
from participation.utils import content_type_for
from proposals.models import Proposal
from tests.factories import ProposalFactory, make_space
from tests.proposals.conftest import phase

pytestmark = pytest.mark.django_db

MESSAGE = "caractère nul"


@pytest.fixture
def space(db):
    return make_space("Appel à propositions", [phase("propose")])


def _get_urls(space):
    return [
        (reverse("search:search"), {"q": "santé\x00mentale"}),
        (reverse("search:search"), {"q": "santé", "thematique": "\x00"}),
        (reverse("search:suggest"), {"q": "san\x00té"}),
        (reverse("proposals:similar", args=[space.slug]), {"title": "Un titre\x00 assez long"}),
        (reverse("proposals:list", args=[space.slug]), {"q": "\x00"}),
        (reverse("proposals:list", args=[space.slug]), {"state": "\x00", "order": "\x00"}),
        (reverse("events:agenda"), {"q": "\x00", "month": "\x00"}),
        (reverse("members:directory"), {"q": "Cla\x00ire"}),
        (reverse("debates:list"), {"q": "\x00"}),
        (reverse("participation:index"), {"page": "\x00"}),
        ("/", {"q\x00": "x"}),
    ]


def test_every_get_entry_point_refuses_a_nul_in_french(client, member, space):
    for logged_in in (False, True):
        if logged_in:
            client.force_login(member)
        for url, params in _get_urls(space):
            response = client.get(url, params)
            assert response.status_code == 400, (url, params)
            html = response.content.decode()
            assert MESSAGE in html
            assert "\x00" not in html


def test_the_refusal_keeps_what_was_typed_without_the_nul(client):
    response = client.get(reverse("search:search"), {"q": "santé\x00mentale"})
    html = response.content.decode()
    assert "santémentale" in html
    assert 'href="/recherche/?q=sant%C3%A9mentale"' in html


def test_a_nul_in_the_path_is_refused(client):
    assert client.get("/propositions/abc%00/").status_code == 400
    assert client.get("/actualites%00/").status_code == 400


def test_proposal_title_with_a_nul_is_refused_and_nothing_is_written(member_client, space):
    url = reverse("proposals:create", args=[space.slug])
    data = {
        "title": "Ouvrir les centres sociaux\x00 le dimanche matin",
        "body": "Le constat, ce que nous proposons et pour qui, en quelques lignes.",
    }
    response = member_client.post(url, data)
    assert response.status_code == 200
    assert "Le caractère nul n’est pas autorisé" in response.content.decode()
    assert not Proposal.objects.exists()


def test_comment_with_a_nul_is_refused_and_nothing_is_written(member_client, space):
    proposal = ProposalFactory(space=space)
    url = reverse("participation:comment_post", args=[content_type_for(proposal).pk, proposal.pk])
    response = member_client.post(url, {"comment": "Bonne idée\x00 !"})
    assert response.status_code == 200
    assert "Le caractère nul n’est pas autorisé" in response.content.decode()
    assert not Comment.objects.exists()


def test_removing_an_attachment_with_a_bad_id_is_ignored(member_client, member, space):
    proposal = ProposalFactory(space=space, author=member, published_at=None)
    url = reverse("proposals:edit", args=[proposal.pk])
    data = {
        "title": "Ouvrir les centres sociaux le dimanche matin",
        "body": "Le constat, ce que nous proposons et pour qui, en quelques lignes.",
        "remove_attachment": ["\x00", "abc"],
    }
    response = member_client.post(url, data)
    assert response.status_code == 302
