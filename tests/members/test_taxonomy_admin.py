import pytest

from taxonomy.models import Thematique

pytestmark = pytest.mark.django_db


def test_editor_adds_a_thematique_in_the_wagtail_admin(editor_client):
    listing = editor_client.get("/admin/snippets/taxonomy/thematique/")
    assert listing.status_code == 200
    assert "Renouvellement urbain" in listing.content.decode()

    response = editor_client.post(
        "/admin/snippets/taxonomy/thematique/add/",
        {"name": "Numérique", "slug": "numerique", "description": "Inclusion numérique."},
    )

    assert response.status_code == 302
    assert Thematique.objects.filter(slug="numerique", name="Numérique").exists()


def test_member_without_a_role_cannot_edit_the_taxonomy(client, member):
    client.force_login(member)
    assert client.get("/admin/snippets/taxonomy/thematique/").status_code in (302, 403)
    response = client.post(
        "/admin/snippets/taxonomy/thematique/add/", {"name": "Numérique", "slug": "numerique"}
    )
    assert response.status_code in (302, 403)
    assert not Thematique.objects.filter(slug="numerique").exists()
