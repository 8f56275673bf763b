"""Moderators turn accepted proposals into results in one action; a member's attempt
writes nothing; a proposal shows its result's progress."""

from django.urls import reverse

from accountability.models import Result
from tests.factories import ProposalFactory, ResultFactory, ThematiqueFactory


def _accepted(space, **fields):
    return ProposalFactory(space=space, state="accepted", **fields)


def test_moderator_creates_one_linked_result_per_accepted_proposal(
    space, statuses, moderator_client
):
    thematique = ThematiqueFactory()
    first, second = _accepted(space), _accepted(space)
    first.thematiques.set([thematique])
    rejected = ProposalFactory(space=space, state="rejected")
    already = _accepted(space)
    ResultFactory(space=space).proposals.add(already)
    url = reverse("accountability:from_proposals", args=[space.pk])

    page = moderator_client.get(url)
    assert first.title in page.content.decode()
    assert rejected.title not in page.content.decode()
    assert already.title not in page.content.decode()

    response = moderator_client.post(url, {"proposals": [first.pk, second.pk, rejected.pk]})
    assert response.status_code == 200  # the rejected one is no valid choice
    assert Result.objects.count() == 1

    response = moderator_client.post(url, {"proposals": [first.pk, second.pk]})
    assert response.status_code == 302
    made = Result.objects.exclude(proposals=already)
    assert made.count() == 2
    result = made.get(proposals=first)
    assert result.title == first.title
    assert result.status == statuses["À lancer"]
    assert list(result.thematiques.all()) == [thematique]


def test_member_is_refused_and_nothing_is_written(space, statuses, member_client):
    proposal = _accepted(space)
    response = member_client.post(
        reverse("accountability:from_proposals", args=[space.pk]), {"proposals": [proposal.pk]}
    )
    assert response.status_code == 403
    assert "Réservé aux modérateurs" in response.content.decode()
    assert not Result.objects.exists()


def test_the_proposal_page_shows_its_result_and_progress(space, statuses, client):
    proposal = _accepted(space)
    result = ResultFactory(space=space, status=statuses["En cours"], title="Chantier suivi ici")
    result.proposals.add(proposal)
    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Suivi de sa mise en œuvre" in page
    assert result.get_absolute_url() in page
    assert 'value="50"' in page and "50 %" in page


def test_a_proposal_without_result_shows_no_follow_up(space, client):
    page = client.get(_accepted(space).get_absolute_url()).content.decode()
    assert "Suivi de sa mise en œuvre" not in page
