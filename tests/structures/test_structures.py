"""Structures: proposal by a member, validation by an editor, public pages that name only
members who opted in to the directory."""

import time

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from members.models import Profile
from structures.models import Structure
from taxonomy.models import Departement
from tests.factories import (
    EventFactory,
    ExperienceIndexPageFactory,
    ExperiencePageFactory,
    StructureFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SENTINEL = "sentinelle-7f3a9c"
PROFILE_EDIT = reverse("members:profile_edit")


def _profile_data(member, **extra):
    return {"display_name": member.display_name, **extra}


def _member_of(structure, in_directory=True, **user):
    user = UserFactory(**user)
    Profile.objects.filter(user=user).update(
        structure=structure, structure_name=structure.name, in_directory=in_directory
    )
    return user


def test_proposed_structure_is_validated_by_an_editor_then_offered_to_all(
    client, member, member_client, editor_client
):
    nord = Departement.objects.get(code="59")
    response = member_client.post(
        PROFILE_EDIT,
        _profile_data(
            member,
            propose_name="Centre social Les Marronniers",
            propose_type="association",
            propose_departement=nord.pk,
            propose_website="https://tilleuls.exemple.fr",
        ),
    )
    assert response.status_code == 302
    structure = Structure.objects.get(name="Centre social Les Marronniers")
    assert not structure.validated and structure.proposed_by == member
    assert structure.region == nord.region
    profile = Profile.objects.get(user=member)
    assert profile.structure == structure and profile.structure_type == "association"
    # Awaiting validation: no public page, not offered to another member.
    assert client.get(reverse("structures:detail", args=[structure.slug])).status_code == 404
    other = UserFactory()
    client.force_login(other)
    assert "Les Marronniers" not in client.get(PROFILE_EDIT).content.decode()

    validate = reverse("structures_admin:validate", args=[structure.pk])
    listing = editor_client.get(reverse("structures_admin:index"), {"validated": "false"})
    assert validate in listing.content.decode()
    assert editor_client.get(validate).status_code == 200
    assert editor_client.post(validate).status_code == 302
    structure.refresh_from_db()
    assert structure.validated

    assert "Les Marronniers" in client.get(PROFILE_EDIT).content.decode()
    client.post(PROFILE_EDIT, _profile_data(other, structure=structure.pk))
    assert Profile.objects.get(user=other).structure == structure
    assert client.get(structure.get_absolute_url()).status_code == 200


def test_members_cannot_validate_a_structure(member_client):
    structure = StructureFactory(validated=False)
    response = member_client.post(reverse("structures_admin:validate", args=[structure.pk]))
    assert response.status_code in (302, 403)
    structure.refresh_from_db()
    assert not structure.validated


def test_choosing_and_proposing_at_once_is_refused(member, member_client):
    structure = StructureFactory()
    response = member_client.post(
        PROFILE_EDIT,
        _profile_data(member, structure=structure.pk, propose_name="Autre", propose_type="epci"),
    )
    assert response.status_code == 200
    assert Structure.objects.count() == 1
    assert Profile.objects.get(user=member).structure is None


def test_structure_page_names_only_members_who_opted_in(client):
    structure = StructureFactory(name="Plaine Commune", website="https://plainecommune.exemple.fr")
    shown = _member_of(structure, display_name="Karim Benali")
    hidden = _member_of(
        structure,
        in_directory=False,
        display_name=f"Membre {SENTINEL}",
        email=f"{SENTINEL}@exemple.fr",
    )
    index = ExperienceIndexPageFactory()
    ExperiencePageFactory(parent=index, title="Jardins partagés", owner=shown)
    ExperiencePageFactory(parent=index, title=f"Retour {SENTINEL}", owner=hidden)
    EventFactory(title="Rencontre des chefs de projet", organiser=shown)
    EventFactory(title=f"Événement {SENTINEL}", organiser=hidden)

    html = client.get(structure.get_absolute_url()).content.decode()

    assert "Karim Benali" in html
    assert "Jardins partagés" in html
    assert "Rencontre des chefs de projet" in html
    assert SENTINEL not in html
    assert "@exemple.fr" not in html

    # The sections are a shared fragment: opting in and a new event renew it at once.
    Profile.objects.filter(user=hidden).update(in_directory=True)
    EventFactory(title="Atelier ajouté-8d3f1b", organiser=shown)
    html = client.get(structure.get_absolute_url()).content.decode()
    assert f"Membre {SENTINEL}" in html and "Atelier ajouté-8d3f1b" in html
    assert "2 membres dans l’annuaire" in html

    # Served from the fragment, the page reads the structure only: its sections are
    # neither built nor compiled (the restricted pages of `public()` are not read).
    for _ in range(2):  # again if a new minute renewed the fragment between (`every=60`)
        minute = int(time.time() // 60)
        html = client.get(structure.get_absolute_url()).content.decode()
        with CaptureQueriesContext(connection) as queries:
            again = client.get(structure.get_absolute_url()).content.decode()
        if int(time.time() // 60) == minute:
            break
    assert again == html
    assert [q["sql"].split(" FROM ")[1].split()[0] for q in queries] == ['"structures_structure"']


def test_structure_list_filters_and_counts_only_directory_members(client):
    nord = Departement.objects.get(code="59")
    lille = StructureFactory(
        name="Métropole Européenne de Lille", departement=nord, region=nord.region
    )
    StructureFactory(name="Préfecture du Rhône", type="etat")
    StructureFactory(name=f"Proposée {SENTINEL}", validated=False)
    _member_of(lille)
    _member_of(lille, in_directory=False)

    html = client.get(reverse("structures:list")).content.decode()
    assert "Métropole Européenne de Lille" in html and SENTINEL not in html
    assert "1 membre dans l’annuaire" in html
    filtered = client.get(reverse("structures:list"), {"type": "etat"}).content.decode()
    assert "Préfecture du Rhône" in filtered and "Lille" not in filtered
    by_region = client.get(reverse("structures:list"), {"region": nord.region_id})
    assert "Préfecture du Rhône" not in by_region.content.decode()
    assert client.get(reverse("structures:list"), {"region": "x", "page": "zz"}).status_code == 200


@pytest.mark.parametrize("count", [5, 20])
def test_structure_pages_query_count_does_not_grow(client, django_assert_max_num_queries, count):
    structure = StructureFactory()
    for n in range(count):
        StructureFactory()
        member = _member_of(structure)
        EventFactory(organiser=member, title=f"Rencontre {n}")
    client.get(reverse("structures:list"))  # the layout (navigation) is then cached
    with django_assert_max_num_queries(6):
        client.get(reverse("structures:list"))
    with django_assert_max_num_queries(10):
        client.get(structure.get_absolute_url())
