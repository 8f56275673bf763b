"""Who may do what with a private space's follow-up: moderators read and write, invited
members read, outsiders and visitors get a 404 (the space stays secret), members of the
space are refused writes with a page that says why, and nothing is written."""

import pytest
from django.urls import reverse

from accountability.models import ProgressEntry, Result
from participation.models import Visibility
from tests.accountability.conftest import closed_phase
from tests.factories import ResultFactory, UserFactory, make_space
from tests.rules_matrix import login, user_for

# role: (status when reading, status when writing)
EXPECTED = {
    "anonymous": (404, 302),  # writing first asks to log in
    "outsider": (404, 404),
    "invited": (200, 403),
    "moderator": (200, 200),
}


@pytest.fixture
def private_result(db):
    invited = UserFactory()
    space = make_space(
        "Groupe privé suivi",
        phases=closed_phase(),
        modules=["accountability"],
        visibility=Visibility.PRIVATE,
        memberships=[invited],
    )
    return ResultFactory(space=space, title="Chantier confidentiel"), invited


def _user(role, invited):
    if role == "invited":
        return invited
    return user_for("member" if role == "outsider" else role)


@pytest.mark.parametrize("role", EXPECTED)
def test_reading_a_private_space_follow_up(client, private_result, role):
    result, invited = private_result
    login(client, _user(role, invited))
    expected = EXPECTED[role][0]
    assert client.get(result.get_absolute_url()).status_code == expected
    assert client.get(reverse("accountability:list", args=[result.space_id])).status_code == (
        expected
    )


@pytest.mark.parametrize("role", EXPECTED)
def test_writing_in_a_private_space_follow_up(client, private_result, role):
    result, invited = private_result
    login(client, _user(role, invited))
    entry = client.post(
        reverse("accountability:entry", args=[result.pk]),
        {"date": "2026-01-15", "text": "Étape sentinelle-7f3a9c"},
    )
    created = client.post(
        reverse("accountability:create", args=[result.space_id]), {"title": "Nouveau sentinelle"}
    )
    expected = EXPECTED[role][1]
    if role == "moderator":
        assert entry.status_code == 302
        assert ProgressEntry.objects.filter(text="Étape sentinelle-7f3a9c").exists()
        assert created.status_code == 302
        assert Result.objects.filter(title="Nouveau sentinelle").exists()
    else:
        assert (entry.status_code, created.status_code) == (expected, expected)
        assert not ProgressEntry.objects.exists()
        assert Result.objects.count() == 1


def test_a_space_that_does_not_use_the_module_has_no_follow_up(client, db):
    space = make_space("Sans suivi", phases=closed_phase(), modules=["proposals"])
    result = ResultFactory(space=space)
    assert client.get(result.get_absolute_url()).status_code == 404
    assert client.get(reverse("accountability:list", args=[space.pk])).status_code == 404


def test_bad_ids_and_query_strings_answer_404_or_ignore(client, db, space):
    assert client.get("/suivi/chantier/999999/").status_code == 404
    assert client.get("/suivi/etape/999999/document/").status_code == 404
    url = reverse("accountability:list", args=[space.pk])
    assert client.get(url + "?status=abc&thematique=nope&region=abc&page=x").status_code == 200
