"""The member's own profile form: panorama fields and opt-ins, written only by the member;
a member who opted in nowhere appears nowhere."""

import pytest
from django.urls import reverse

from members.models import Profile
from members.panorama.figures import compute_figures
from members.search_documents import ProfileDocuments
from tests.factories import StructureFactory, UserFactory

pytestmark = pytest.mark.django_db

SENTINEL = "sentinelle-7f3a9c"
PROFILE_EDIT = reverse("members:profile_edit")


def test_member_fills_the_panorama_fields(member, member_client):
    response = member_client.post(
        PROFILE_EDIT,
        {
            "display_name": "Claire Martin",
            "service": "Direction de la cohésion sociale",
            "missions": ["contrat_de_ville", "tfpb"],
            "time_share": "50-75",
            "team_size": "2-5",
            "years_in_post": "1-3",
            "quartiers": "Les Tilleuls\n\n  Le Mirail  \nLes Tilleuls",
            "in_panorama": "on",
        },
    )
    assert response.status_code == 302
    profile = Profile.objects.get(user=member)
    assert profile.missions == ["contrat_de_ville", "tfpb"]
    assert profile.quartiers == ["Les Tilleuls", "Le Mirail"]
    assert (profile.time_share, profile.team_size, profile.years_in_post) == ("50-75", "2-5", "1-3")
    assert profile.in_panorama and not profile.in_directory


def test_unknown_choices_are_refused_and_nothing_is_written(member, member_client):
    response = member_client.post(
        PROFILE_EDIT, {"display_name": "Claire Martin", "missions": ["inconnue"], "time_share": "x"}
    )
    assert response.status_code == 200
    profile = Profile.objects.get(user=member)
    assert profile.missions == [] and profile.time_share == ""


def test_a_member_can_only_ever_write_their_own_profile(member, client):
    other = UserFactory(display_name="Karim Benali")
    client.force_login(other)
    client.post(PROFILE_EDIT, {"display_name": "Karim B.", "service": "Cohésion sociale"})
    response = client.post(
        reverse("members:profile", args=[member.pk]),
        {"display_name": "Piraté", "service": "Piraté", "in_panorama": "on"},
    )
    assert response.status_code == 405
    member.refresh_from_db()
    assert member.display_name == "Claire Martin"
    assert Profile.objects.get(user=member).service == ""
    assert not Profile.objects.get(user=member).in_panorama
    assert Profile.objects.get(user=other).service == "Cohésion sociale"


def test_a_member_who_opted_in_nowhere_appears_nowhere(client):
    structure = StructureFactory()
    hidden = UserFactory(display_name=f"Membre {SENTINEL}", email=f"{SENTINEL}@exemple.fr")
    Profile.objects.filter(user=hidden).update(
        structure=structure, structure_name=structure.name, missions=["gusp"]
    )
    pages = [
        reverse("members:directory"),
        reverse("members:directory") + "?q=sentinelle",
        reverse("members:panorama"),
        reverse("structures:list"),
        structure.get_absolute_url(),
    ]
    for url in pages:
        assert SENTINEL not in client.get(url).content.decode(), url
    assert client.get(reverse("members:profile", args=[hidden.pk])).status_code == 404
    assert not ProfileDocuments().get_queryset().filter(user=hidden).exists()
    assert compute_figures()["total"] == 0


def test_panorama_opt_in_counts_without_showing_in_the_directory(client):
    user = UserFactory(display_name=f"Membre {SENTINEL}")
    Profile.objects.filter(user=user).update(in_panorama=True)
    assert compute_figures()["total"] == 1
    assert SENTINEL not in client.get(reverse("members:directory")).content.decode()
    assert not ProfileDocuments().get_queryset().filter(user=user).exists()
