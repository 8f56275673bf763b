"""The région/département pair every territorial model shares (taxonomy.TerritoryMixin)."""

import pytest
from django.core.exceptions import ValidationError

from members.models import Profile
from taxonomy.models import Departement, Region
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_a_departement_alone_brings_its_region(member):
    profile = member.profile
    profile.departement = Departement.objects.get(code="59")

    profile.full_clean()
    profile.save()

    profile.refresh_from_db()
    assert profile.region == Region.objects.get(name="Hauts-de-France")


def test_a_departement_of_another_region_is_refused(member):
    profile = member.profile
    profile.region = Region.objects.get(name="Bretagne")
    profile.departement = Departement.objects.get(code="30")

    with pytest.raises(ValidationError) as refused:
        profile.clean()

    assert "n’appartient pas à la région choisie (Bretagne)" in str(refused.value)


def test_deleting_a_departement_still_named_is_refused_and_keeps_everything(client, admin_user):
    profile = UserFactory().profile
    bretagne = Region.objects.get(name="Bretagne")
    finistere = Departement.objects.get(code="29")
    profile.region, profile.departement = bretagne, finistere
    profile.save()
    client.force_login(admin_user)

    response = client.post(f"/admin/snippets/taxonomy/departement/delete/{finistere.pk}/")

    assert response.status_code == 302
    assert (
        "Suppression impossible : 1 contenu ou profil nomme encore « Finistère (29) »"
        in client.get(response["Location"]).content.decode()
    )
    assert Departement.objects.filter(pk=finistere.pk).exists()
    assert Profile.objects.filter(pk=profile.pk, region=bretagne, departement=finistere).exists()
