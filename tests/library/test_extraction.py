"""Text is read from PDF, DOCX and ODT uploads; unreadable files are refused cleanly."""

import io

import docx
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from odf.opendocument import OpenDocumentText
from odf.text import P
from pypdf import PdfReader, PdfWriter

from devtools.demo.library import build_pdf
from library.extraction import READERS, ExtractionError, extract_text
from library.models import Resource

TEXT = "Les conseils citoyens réunissent les habitants des quartiers prioritaires."


def pdf_bytes():
    return build_pdf("Guide des conseils citoyens", [TEXT])


def docx_bytes():
    document = docx.Document()
    document.add_heading("Compte rendu", level=1)
    document.add_paragraph(TEXT)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def odt_bytes():
    document = OpenDocumentText()
    document.text.addElement(P(text=TEXT))
    buffer = io.BytesIO()
    document.write(buffer)
    return buffer.getvalue()


def encrypted_pdf_bytes(user_password="secret", algorithm="RC4-128"):
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf_bytes())))
    writer.encrypt(user_password=user_password, owner_password="secret", algorithm=algorithm)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def aes_pdf_bytes(user_password="secret"):
    return encrypted_pdf_bytes(user_password, algorithm="AES-256")


@pytest.mark.parametrize(
    ("name", "content"),
    [("guide.pdf", pdf_bytes), ("compte-rendu.docx", docx_bytes), ("synthese.odt", odt_bytes)],
)
def test_text_is_extracted_from_pdf_docx_and_odt(name, content):
    text = extract_text(io.BytesIO(content()), name)

    assert "conseils citoyens réunissent les habitants" in text


def test_formats_without_text_give_no_text():
    assert extract_text(io.BytesIO(b"a;b\n1;2"), "tableau.csv") == ""


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("faux.pdf", lambda: b"ceci n'est pas un PDF", "illisible ou endommagé"),
        ("tronque.docx", lambda: docx_bytes()[:200], "illisible ou endommagé"),
        ("faux.odt", lambda: b"PK\x03\x04 rien", "illisible ou endommagé"),
        ("protege.pdf", encrypted_pdf_bytes, "protégé par un mot de passe"),
        ("protege-aes.pdf", aes_pdf_bytes, "protégé par un mot de passe"),
    ],
)
def test_unreadable_files_raise_a_french_message(name, content, message):
    with pytest.raises(ExtractionError, match=message):
        extract_text(io.BytesIO(content()), name)


def test_aes_encrypted_pdf_without_a_password_to_open_it_is_read():
    """Only an owner password (no password to open): the text is readable once pypdf can
    decrypt AES, which needs the `cryptography` that pypdf[crypto] installs."""
    text = extract_text(io.BytesIO(aes_pdf_bytes(user_password="")), "restreint.pdf")

    assert "conseils citoyens réunissent les habitants" in text


def test_any_failure_of_a_reader_becomes_the_french_message(monkeypatch):
    def reader_that_fails_unexpectedly(stream):
        raise NotImplementedError("filtre de flux inconnu")

    monkeypatch.setitem(READERS, "pdf", reader_that_fails_unexpectedly)

    with pytest.raises(ExtractionError, match="protégé, illisible ou endommagé"):
        extract_text(io.BytesIO(pdf_bytes()), "etrange.pdf")


def upload(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Guide",
            "file": SimpleUploadedFile(name, content),
            "collection": 1,
            "resource_type": "guide",
        },
    )


def test_admin_upload_stores_the_extracted_text(client, admin_user):
    client.force_login(admin_user)

    response = upload(client, "guide.pdf", pdf_bytes())

    assert response.status_code == 302
    resource = Resource.objects.get()
    assert "conseils citoyens réunissent" in resource.extracted_text
    assert resource.file_size > 0


@pytest.mark.parametrize("content", [encrypted_pdf_bytes, aes_pdf_bytes])
def test_admin_upload_refuses_an_encrypted_pdf_with_a_clear_message(client, admin_user, content):
    client.force_login(admin_user)

    response = upload(client, "protege.pdf", content())

    assert response.status_code == 200
    assert "protégé par un mot de passe" in response.content.decode()
    assert not Resource.objects.exists()


def test_admin_multiple_upload_refuses_a_damaged_file(client, admin_user):
    client.force_login(admin_user)

    response = client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("casse.docx", b"PK\x03\x04 abime"), "collection": 1},
    )

    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "illisible" in response.json()["error_message"]
    assert not Resource.objects.exists()
