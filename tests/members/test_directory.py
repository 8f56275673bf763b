import pytest
from django.urls import reverse

from members.models import Profile
from taxonomy.models import Region, Thematique
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _listed(display_name, **profile):
    user = UserFactory(display_name=display_name)
    thematiques = profile.pop("thematiques", [])
    Profile.objects.filter(user=user).update(in_directory=True, **profile)
    user.profile.thematiques.set(thematiques)
    return user


def test_directory_lists_only_members_who_opted_in(client):
    _listed("Karim Benali")
    UserFactory(display_name="Julie Moreau")  # not opted in

    html = client.get(reverse("members:directory")).content.decode()

    assert "Karim Benali" in html
    assert "Julie Moreau" not in html


def test_directory_filters_by_region_thematique_and_accent_free_text(client):
    idf = Region.objects.get(name="Île-de-France")
    sante = Thematique.objects.get(slug="sante")
    _listed("Élodie Lambert", region=idf, structure_name="Profession Banlieue", thematiques=[sante])
    _listed("Hugo Colin", structure_name="Ville de Cayenne")

    by_text = client.get(reverse("members:directory"), {"q": "elodie"}).content.decode()
    by_region = client.get(reverse("members:directory"), {"region": idf.pk}).content.decode()
    by_theme = client.get(reverse("members:directory"), {"thematique": "sante"}).content.decode()

    for html in (by_text, by_region, by_theme):
        assert "Élodie Lambert" in html
        assert "Hugo Colin" not in html


def test_hidden_profile_is_not_found_for_others_but_visible_to_its_owner(client, member):
    url = reverse("members:profile", args=[member.pk])
    assert client.get(url).status_code == 404
    client.force_login(member)
    assert client.get(url).status_code == 200


# 25: a full page of 24 and a second page.
@pytest.mark.parametrize("count", [5, 25])
def test_directory_query_count_does_not_grow_with_members(
    client, django_assert_max_num_queries, count
):
    sante = Thematique.objects.get(slug="sante")
    for n in range(count):
        _listed(f"Membre {n}", thematiques=[sante])
    client.get(reverse("members:directory"))  # the layout (navigation) is then cached
    with django_assert_max_num_queries(6):
        response = client.get(reverse("members:directory"))
    assert response.status_code == 200


def test_the_members_address_leads_to_the_directory(client):
    response = client.get("/membres/")
    assert (response.status_code, response["Location"]) == (302, "/membres/annuaire/")
