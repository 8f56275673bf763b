import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from participation.models import Notification
from proposals.models import Attachment, Proposal, Vote
from proposals.services import votes
from tests.factories import ProposalFactory, UserFactory, make_space
from tests.proposals.conftest import phase

pytestmark = pytest.mark.django_db


def _post(client, space, **data):
    fields = {"title": "Créer un observatoire de l’emploi des jeunes", "body": "Le constat."}
    fields.update(data)
    return client.post(reverse("proposals:create", args=[space.slug]), fields)


def _png(name="photo.pdf"):
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="application/pdf")


def test_member_drafts_previews_then_publishes_and_space_followers_are_notified(
    member_client, member, propose_space
):
    follower = UserFactory()
    member_client.logout()
    from participation.notifications.api import follow

    follow(follower, propose_space)
    member_client.force_login(member)

    response = _post(member_client, propose_space)
    proposal = Proposal.objects.get()
    assert response.url == proposal.get_absolute_url()
    assert not proposal.is_published
    preview = member_client.get(proposal.get_absolute_url())
    assert "pas encore publiée" in preview.content.decode()
    assert not Notification.objects.exists()

    member_client.post(reverse("proposals:publish", args=[proposal.pk]))
    proposal.refresh_from_db()
    assert proposal.is_published
    assert Notification.objects.filter(recipient=follower).count() == 1


def test_draft_is_seen_by_its_authors_only(client, member, propose_space):
    draft = ProposalFactory(space=propose_space, author=member, published_at=None)
    client.force_login(UserFactory())
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(member)
    assert client.get(draft.get_absolute_url()).status_code == 200


def test_title_too_short_and_body_too_long_are_refused_in_french(member_client, propose_space):
    response = _post(member_client, propose_space, title="Trop court", body="x" * 3001)
    errors = response.context["form"].errors
    assert "au moins 15 caractères (actuellement 10)" in errors["title"][0]
    assert "au plus 3000 caractères (actuellement 3001)" in errors["body"][0]
    assert not Proposal.objects.exists()


def test_title_in_capitals_is_refused(member_client, propose_space):
    response = _post(member_client, propose_space, title="CRÉER UN OBSERVATOIRE DE L’EMPLOI")
    assert response.context["form"].errors["title"] == ["Évitez d’écrire le titre en majuscules."]


def test_attachment_is_checked_by_its_content_not_its_name(member_client, propose_space):
    fake = SimpleUploadedFile("rapport.pdf", b"MZ\x90\x00 not a pdf", "application/pdf")
    response = _post(member_client, propose_space, attachments=[fake])
    assert "n’est ni un PDF ni une image" in response.context["form"].errors["attachments"][0]

    pdf = SimpleUploadedFile("note.exe", b"%PDF-1.4\n%%EOF", "application/octet-stream")
    _post(member_client, propose_space, attachments=[pdf, _png()])
    kinds = sorted(Attachment.objects.values_list("kind", flat=True))
    assert kinds == ["image", "pdf"]
    names = {a.file.name.rsplit(".", 1)[1] for a in Attachment.objects.all()}
    assert names == {"pdf", "png"}


def test_oversized_attachment_is_refused(member_client, propose_space):
    big = SimpleUploadedFile("gros.pdf", b"%PDF-" + b"0" * (5 * 1024 * 1024 + 1))
    response = _post(member_client, propose_space, attachments=[big])
    assert "dépasse" in response.context["form"].errors["attachments"][0]


def test_nobody_proposes_outside_a_proposal_phase(member_client):
    closed = make_space("Démarche en vote", [phase("vote")])
    assert _post(member_client, closed).status_code == 403
    assert member_client.get(reverse("proposals:create", args=[closed.slug])).status_code == 403


def test_visitor_is_sent_to_login_to_propose(client, propose_space):
    response = client.get(reverse("proposals:create", args=[propose_space.slug]))
    assert "/comptes/login/" in response.url


def test_similar_proposals_are_suggested_while_typing_and_on_the_preview(
    member_client, member, propose_space
):
    existing = ProposalFactory(
        space=propose_space, title="Créer un observatoire partagé de l’emploi des jeunes"
    )
    ProposalFactory(space=propose_space, title="Ouvrir les cours d’école le week-end")
    other_space = make_space("Autre démarche", [phase("propose")])
    ProposalFactory(space=other_space, title="Créer un observatoire de l’emploi des jeunes")

    response = member_client.get(
        reverse("proposals:similar", args=[propose_space.slug]),
        {"title": "observatoire emploi jeunes"},
        HTTP_HX_REQUEST="true",
    )
    assert [p.pk for p in response.context["similar"]] == [existing.pk]

    _post(member_client, propose_space, title="Un observatoire de l’emploi des jeunes")
    draft = Proposal.objects.get(published_at__isnull=True)
    preview = member_client.get(draft.get_absolute_url())
    assert existing.title in preview.content.decode()


def test_author_edits_until_the_first_vote(client, member):
    space = make_space("Vote ouvert", [phase("vote")])
    proposal = ProposalFactory(space=space, author=member)
    client.force_login(member)
    edit_url = reverse("proposals:edit", args=[proposal.pk])
    data = {"title": "Un titre revu et plus précis", "body": "Nouveau texte."}
    assert client.post(edit_url, data).status_code == 302
    proposal.refresh_from_db()
    assert proposal.title == "Un titre revu et plus précis"

    votes.vote(UserFactory(), proposal)
    assert client.get(edit_url).status_code == 403
    assert client.post(edit_url, {**data, "title": "Un autre titre bien long"}).status_code == 403
    proposal.refresh_from_db()
    assert proposal.title == "Un titre revu et plus précis"


def test_withdrawn_proposal_stays_visible_and_its_votes_are_frozen(client, member):
    space = make_space("Vote ouvert", [phase("vote")])
    proposal = ProposalFactory(space=space, author=member)
    voter = UserFactory()
    votes.vote(voter, proposal)
    client.force_login(member)
    client.post(reverse("proposals:withdraw", args=[proposal.pk]))

    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Retirée" in page
    client.force_login(voter)
    response = client.post(reverse("proposals:vote", args=[proposal.pk]), {"action": "remove"})
    assert response.status_code == 403
    assert Vote.objects.filter(proposal=proposal).count() == 1


def test_coauthor_is_invited_accepts_from_notification_edits_and_leaves(client, member):
    space = make_space("Appel", [phase("propose")])
    proposal = ProposalFactory(space=space, author=member)
    colleague = UserFactory(display_name="Karim Benali")
    client.force_login(member)
    client.post(reverse("proposals:invite", args=[proposal.pk]), {"email": colleague.email})

    notification = Notification.objects.get(recipient=colleague)
    client.force_login(colleague)
    response = client.get(reverse("participation:notification_open", args=[notification.pk]))
    assert response.url == proposal.get_absolute_url() + "#invitation"
    assert "vous invite à co-signer" in client.get(proposal.get_absolute_url()).content.decode()
    client.post(reverse("proposals:invitation", args=[proposal.pk]), {"answer": "accept"})

    page = client.get(proposal.get_absolute_url()).content.decode()
    assert "Karim Benali" in page
    edit = client.post(
        reverse("proposals:edit", args=[proposal.pk]),
        {"title": "Titre retravaillé à deux mains", "body": "Texte."},
    )
    assert edit.status_code == 302
    client.post(reverse("proposals:leave", args=[proposal.pk]))
    proposal = Proposal.objects.get(pk=proposal.pk)
    assert [u.pk for u in proposal.authors] == [member.pk]
    # The last author cannot leave.
    client.force_login(member)
    assert client.post(reverse("proposals:leave", args=[proposal.pk])).status_code == 403
    assert [u.pk for u in Proposal.objects.get(pk=proposal.pk).authors] == [member.pk]


def test_declined_invitation_adds_no_author(client, member):
    space = make_space("Appel", [phase("propose")])
    proposal = ProposalFactory(space=space, author=member)
    invitee = UserFactory()
    client.force_login(member)
    client.post(reverse("proposals:invite", args=[proposal.pk]), {"email": invitee.email})
    client.force_login(invitee)
    client.post(reverse("proposals:invitation", args=[proposal.pk]), {"answer": "decline"})
    assert [u.pk for u in Proposal.objects.get(pk=proposal.pk).authors] == [member.pk]


def test_only_authors_invite(client, member):
    space = make_space("Appel", [phase("propose")])
    proposal = ProposalFactory(space=space, author=member)
    stranger = UserFactory()
    client.force_login(stranger)
    response = client.post(
        reverse("proposals:invite", args=[proposal.pk]), {"email": UserFactory().email}
    )
    assert response.status_code == 403
