import pytest
from allauth.account.models import EmailAddress
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse

from members.models import User
from participation.models import Comment, Follow, NotificationSettings
from participation.notifications.api import follow
from privacy.models import Consent
from proposals.models import Proposal
from taxonomy.models import Region
from tests.factories import PASSWORD, CommentFactory, ProposalFactory, make_space

pytestmark = pytest.mark.django_db


@pytest.fixture
def contributions(member):
    space = make_space()
    proposal = ProposalFactory(space=space, author=member, title="Des jardins partagés")
    CommentFactory(content_object=proposal, user=member, user_email=member.email)
    follow(member, Region.objects.get(name="Bretagne"))
    NotificationSettings.objects.create(user=member)
    Consent.objects.create(user=member, document="terms", version="1.0")
    profile = member.profile
    profile.structure_name = "Ville de Roubaix"
    profile.job_title = "Cheffe de projet"
    profile.bio = "Présentation"
    profile.in_directory = True
    profile.save()
    return proposal


def _delete(client, password=PASSWORD, confirm=True):
    data = {"password": password}
    if confirm:
        data["confirm"] = "on"
    return client.post(reverse("privacy:delete"), data)


def test_the_page_warns_that_deletion_cannot_be_undone(member_client):
    page = member_client.get(reverse("privacy:delete")).content.decode()

    assert "définitive" in page and "Compte supprimé" in page


def test_a_wrong_password_or_no_confirmation_changes_nothing(member, member_client, contributions):
    for response in (
        _delete(member_client, password="pas-le-bon"),
        _delete(member_client, confirm=False),
    ):
        assert response.status_code == 200
    assert "Ce mot de passe n’est pas le bon." in _delete(member_client, "x").content.decode()

    member.refresh_from_db()
    assert member.is_active and member.display_name == "Claire Martin"
    assert member.check_password(PASSWORD)
    assert member.profile.structure_name == "Ville de Roubaix"
    assert Follow.objects.filter(user=member).exists()
    assert Consent.objects.filter(user=member).exists()
    assert EmailAddress.objects.filter(user=member).exists()


def test_deletion_erases_the_person_and_keeps_contributions_signed_compte_supprime(
    member, member_client, contributions
):
    email = member.email
    other_session = Client()
    other_session.force_login(member)

    response = _delete(member_client)

    assert response.status_code == 302
    member.refresh_from_db()
    assert email not in member.email and member.email.endswith("@compte-supprime.invalid")
    assert str(member) == "Compte supprimé" and member.display_name == "Compte supprimé"
    assert not member.is_active and not member.has_usable_password()
    profile = member.profile
    assert (profile.structure_name, profile.job_title, profile.bio) == ("", "", "")
    assert not profile.in_directory
    for model in (Follow, Consent, NotificationSettings, EmailAddress):
        assert not model.objects.filter(user=member).exists()
    assert Proposal.objects.filter(pk=contributions.pk, author=member).exists()
    comment = Comment.objects.get(user=member)
    assert comment.user_email == "" and comment.user_name == "Compte supprimé"
    page = Client().get(contributions.get_absolute_url()).content.decode()
    assert "Compte supprimé" in page and "Claire Martin" not in page
    # Logged out everywhere, cannot log in again.
    assert "_auth_user_id" not in member_client.session
    assert other_session.get(reverse("privacy:my_data")).status_code == 302
    login = Client().post(reverse("account_login"), {"login": email, "password": PASSWORD})
    assert "_auth_user_id" not in login.wsgi_request.session
    assert not Session.objects.filter(session_key=member_client.session.session_key).exists()


def test_the_address_of_a_deleted_account_can_sign_up_again(member, member_client, client):
    email = member.email
    _delete(member_client)

    response = client.post(
        reverse("account_signup"),
        {
            "email": email,
            "display_name": "Claire Martin",
            "password1": "quartiers-prioritaires-2026",
            "password2": "quartiers-prioritaires-2026",
            "accept_terms": "on",
        },
    )

    assert response.status_code == 302
    assert User.objects.filter(email=email, is_active=True).exists()


def test_password_attempts_are_rate_limited(member, member_client, settings):
    settings.MAILLAGE_RATE_LIMITS = {**settings.MAILLAGE_RATE_LIMITS, "account_delete": "2/h"}
    for _attempt in range(2):
        _delete(member_client, password="pas-le-bon")

    response = member_client.post(
        reverse("privacy:delete"), {"password": PASSWORD, "confirm": "on"}, follow=True
    )

    assert "Trop d’essais : réessayez dans une heure." in response.content.decode()
    member.refresh_from_db()
    assert member.is_active and member.check_password(PASSWORD)
