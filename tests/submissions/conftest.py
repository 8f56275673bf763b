import functools

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from devtools.demo.library import build_pdf
from home.models import HomePage
from submissions.models import Submission
from taxonomy.models import Thematique
from tests.factories import ExperienceIndexPageFactory

TEXT = "Un guide pour installer une maison du projet dans le quartier."


@functools.cache
def pdf_bytes():
    """Built once: fpdf2 loads its fonts for a second each time."""
    return build_pdf("Maison du projet", [TEXT])


def pdf_upload(name="guide-maison-du-projet.pdf"):
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


def resource_data(**overrides):
    return {
        "title": "Guide de la maison du projet",
        "file": pdf_upload(),
        "resource_type": "guide",
        "year": "2025",
        "source": "Ville de Roubaix",
        "thematiques": [Thematique.objects.get(slug="sante").pk],
        "description": "Comment ouvrir une maison du projet.",
        "action": "save",
        **overrides,
    }


def propose_resource(client, **overrides):
    url = reverse("submissions:propose", args=["ressource"])
    return client.post(url, resource_data(**overrides))


@pytest.fixture
def experience_index(db):
    return ExperienceIndexPageFactory(parent=HomePage.objects.get())


@pytest.fixture
def resource_draft(member_client, member):
    propose_resource(member_client)
    return Submission.objects.get(author=member)


@pytest.fixture
def resource_in_review(member_client, resource_draft):
    member_client.post(
        reverse("submissions:edit", args=[resource_draft.pk]),
        {**resource_data(file=""), "action": "submit"},
    )
    resource_draft.refresh_from_db()
    return resource_draft
