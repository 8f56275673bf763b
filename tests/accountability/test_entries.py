"""A timeline entry's document: the library's checks on upload, a private file served only
to those who see the space; and results in the network search, with their space's
visibility."""

import io

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter

from accountability.models import ProgressEntry
from participation.models import Visibility
from search.backends import get_backend
from search.backends.base import SearchRequest
from search.registry import user_principals
from tests.accountability.conftest import closed_phase
from tests.factories import ResultFactory, UserFactory, make_space


def _pdf():
    writer, buffer = PdfWriter(), io.BytesIO()
    writer.add_blank_page(width=200, height=200)
    writer.write(buffer)
    return SimpleUploadedFile("compte-rendu.pdf", buffer.getvalue(), "application/pdf")


@pytest.fixture
def private_result(db, settings, tmp_path):
    settings.MAILLAGE_PRIVATE_ROOT = str(tmp_path)
    invited = UserFactory()
    space = make_space(
        "Groupe privé documents",
        phases=closed_phase(),
        modules=["accountability"],
        visibility=Visibility.PRIVATE,
        memberships=[invited],
    )
    return ResultFactory(space=space), invited


def _post(client, result, upload):
    return client.post(
        reverse("accountability:entry", args=[result.pk]),
        {"date": "2026-03-02", "text": "Compte rendu du comité.", "attachment": upload},
    )


def test_an_unreadable_pdf_is_refused_with_the_library_message(private_result, moderator_client):
    result, _invited = private_result
    broken = SimpleUploadedFile("rapport.pdf", b"%PDF-1.4 pas vraiment un pdf", "application/pdf")
    page = _post(moderator_client, result, broken).content.decode()
    assert "est protégé, illisible ou endommagé" in page
    script = SimpleUploadedFile("outil.exe", b"MZ", "application/octet-stream")
    assert "format refusé" in _post(moderator_client, result, script).content.decode()
    assert not ProgressEntry.objects.exists()


def test_the_document_is_served_to_readers_of_the_space_only(
    private_result, moderator_client, client
):
    result, invited = private_result
    assert _post(moderator_client, result, _pdf()).status_code == 302
    entry = ProgressEntry.objects.get()
    assert entry.attachment_name == "compte-rendu.pdf"
    url = entry.get_attachment_url()
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(invited)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


def test_results_are_found_with_their_space_visibility(
    private_result, space, django_capture_on_commit_callbacks
):
    result, invited = private_result
    with django_capture_on_commit_callbacks(execute=True):
        ResultFactory(space=space, title="Chantier mobilité solidaire")
        result.title = "Chantier mobilité confidentiel"
        result.save()

    def titles(user):
        request = SearchRequest(text="mobilité", principals=user_principals(user))
        return {hit.title for hit in get_backend().search(request).hits}

    assert titles(AnonymousUser()) == {"Chantier mobilité solidaire"}
    assert titles(invited) == {"Chantier mobilité solidaire", "Chantier mobilité confidentiel"}
