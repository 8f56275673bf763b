import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.urls import reverse

from members.models import Profile, User
from taxonomy.models import Departement, Region, Thematique
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _sign_up(client, email="nadia.haddad@exemple.fr"):
    return client.post(
        reverse("account_signup"),
        {
            "email": email,
            "display_name": "Nadia Haddad",
            "password1": "quartiers-prioritaires-2026",
            "password2": "quartiers-prioritaires-2026",
            "accept_terms": "on",
        },
    )


def test_sign_up_sends_a_confirmation_email_and_login_waits_for_it(client):
    response = _sign_up(client)

    assert response.status_code == 302
    user = User.objects.get(email="nadia.haddad@exemple.fr")
    assert user.display_name == "Nadia Haddad"
    assert Profile.objects.filter(user=user).exists()
    assert len(mail.outbox) == 1
    assert "nadia.haddad@exemple.fr" in mail.outbox[0].to
    assert not EmailAddress.objects.get(user=user).verified

    response = client.post(
        reverse("account_login"),
        {"login": "nadia.haddad@exemple.fr", "password": "quartiers-prioritaires-2026"},
    )
    assert "_auth_user_id" not in client.session


def test_confirming_the_email_logs_in_and_prompts_to_complete_the_profile(client):
    _sign_up(client)
    link = re.search(r"https?://\S+/comptes/confirm-email/\S+/", mail.outbox[0].body).group(0)
    path = link.split("testserver", 1)[-1]

    response = client.post(path, follow=True)

    assert EmailAddress.objects.get(email="nadia.haddad@exemple.fr").verified
    assert response.redirect_chain[-1][0] == reverse("members:profile_edit")
    assert "Complétez votre profil" in response.content.decode()


def test_member_edits_their_profile_and_joins_the_directory(member_client, member):
    region = Region.objects.get(name="Hauts-de-France")
    departement = Departement.objects.get(code="59")
    sante = Thematique.objects.get(slug="sante")

    response = member_client.post(
        reverse("members:profile_edit"),
        {
            "display_name": "Claire Martin-Dubois",
            "structure_type": "epci",
            "structure_name": "Métropole Européenne de Lille",
            "job_title": "Cheffe de projet",
            "region": region.pk,
            "departement": departement.pk,
            "thematiques": [sante.pk],
            "bio": "Santé et quartiers.",
            "in_directory": "on",
        },
        follow=True,
    )

    assert "Votre profil est enregistré." in response.content.decode()
    member.refresh_from_db()
    assert member.display_name == "Claire Martin-Dubois"
    assert member.profile.is_complete
    assert list(member.profile.thematiques.all()) == [sante]
    directory = member_client.get(reverse("members:directory")).content.decode()
    assert "Claire Martin-Dubois" in directory


def test_profile_refuses_a_departement_outside_the_region_and_keeps_the_input(member_client):
    response = member_client.post(
        reverse("members:profile_edit"),
        {
            "display_name": "Claire Martin",
            "structure_type": "commune",
            "structure_name": "Ville de Nîmes",
            "job_title": "Chargée de mission",
            "region": Region.objects.get(name="Bretagne").pk,
            "departement": Departement.objects.get(code="30").pk,
        },
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "n’appartient pas à la région choisie" in html
    assert 'value="Ville de Nîmes"' in html


def test_profile_page_requires_login(client):
    response = client.get(reverse("members:profile_edit"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_inactive_member_cannot_log_in(client, password):
    user = UserFactory(is_active=False)
    client.post(reverse("account_login"), {"login": user.email, "password": password})
    assert "_auth_user_id" not in client.session


def test_email_login_is_case_insensitive(client, member, password):
    client.post(reverse("account_login"), {"login": member.email.upper(), "password": password})
    assert client.session["_auth_user_id"] == str(member.pk)


def test_signing_up_again_with_a_known_email_creates_no_second_account(client, member):
    # allauth answers as for a new address (no account enumeration) and warns the owner.
    _sign_up(client, email=member.email.upper())
    assert User.objects.filter(email__iexact=member.email).count() == 1
    assert mail.outbox[-1].to == [member.email]


def test_roles_exist_with_their_permissions_after_migrate():
    from django.contrib.auth.models import Group

    editors = Group.objects.get(name="Éditeurs")
    moderators = Group.objects.get(name="Modérateurs")
    assert Group.objects.filter(name__in=["Membres", "Administrateurs"]).count() == 2
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert editors.permissions.filter(codename="change_thematique").exists()
    assert editors.permissions.filter(codename="access_admin").exists()
    # Wagtail's page permissions: editors submit, moderators publish.
    assert not editors.page_permissions.filter(permission__codename="publish_page").exists()
    assert moderators.page_permissions.filter(permission__codename="publish_page").exists()
