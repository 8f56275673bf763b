"""The editors' “rebuild now” button: editors only, POST only, rate-limited."""

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from opendata import files
from opendata.models import Build

pytestmark = pytest.mark.django_db
REBUILD = reverse("opendata:rebuild")
INDEX = reverse("opendata:index")


def _written():
    return default_storage.exists(files.FOLDER) and default_storage.listdir(files.FOLDER)[1]


@pytest.mark.parametrize("who", ["client", "member_client"])
def test_a_visitor_or_member_cannot_rebuild_and_nothing_is_written(request, who):
    client = request.getfixturevalue(who)

    response = client.post(REBUILD)

    assert response.status_code == 403
    assert "Seuls les éditeurs peuvent demander la reconstruction" in response.text
    assert not Build.objects.exists()
    assert not _written()
    assert "Reconstruire maintenant" not in client.get(INDEX).text


def test_an_editor_rebuilds_and_the_page_lists_the_files(editor, editor_client):
    assert editor_client.get(REBUILD).status_code == 405

    response = editor_client.post(REBUILD, follow=True)

    assert "Reconstruction demandée" in response.text
    build = Build.objects.get()
    assert build.requested_by == editor and build.finished_at is not None
    assert build.row_counts["propositions"] == 0
    assert "Dernière reconstruction" in response.text
    assert 'href="/media/donnees-ouvertes/propositions.csv"' in response.text
    assert 'href="/media/donnees-ouvertes/donnees-ouvertes.zip"' in response.text
    assert "Licence Ouverte / Etalab 2.0" in response.text


def test_a_pending_rebuild_is_shown_and_not_asked_twice(editor, editor_client):
    Build.objects.create(requested_by=editor)

    page = editor_client.get(INDEX).text
    assert "Reconstruction demandée" in page and "Reconstruire maintenant" not in page

    editor_client.post(REBUILD)
    assert Build.objects.count() == 1
    assert not _written()


def test_rebuilds_are_rate_limited(settings, editor_client):
    settings.MAILLAGE_RATE_LIMITS = {**settings.MAILLAGE_RATE_LIMITS, "open_data_rebuild": "1/h"}
    editor_client.post(REBUILD)

    response = editor_client.post(REBUILD)

    assert response.status_code == 429
    assert "patientez" in response.text
    assert Build.objects.count() == 1
