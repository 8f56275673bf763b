"""The library page: facets with counts, sorting, download with format and size."""

import pytest

from home.models import HomePage
from taxonomy.models import Departement, Thematique
from tests.factories import ResourceFactory, ResourceIndexPageFactory


@pytest.fixture
def library_page(db):
    return ResourceIndexPageFactory(parent=HomePage.objects.get())


def listed(client, page, **params):
    return [resource.title for resource in client.get(page.url, params).context["page_obj"]]


def test_facets_filter_by_type_thematique_year_and_territory(client, library_page):
    sante = Thematique.objects.get(slug="sante")
    nord = Departement.objects.get(code="59")
    ResourceFactory(title="Guide santé", resource_type="guide", year=2024, thematiques=[sante])
    ResourceFactory(
        title="Étude Nord", resource_type="etude", year=2025, departement=nord, region=nord.region
    )

    assert listed(client, library_page, resource_type="etude") == ["Étude Nord"]
    assert listed(client, library_page, thematique="sante") == ["Guide santé"]
    assert listed(client, library_page, year="2024") == ["Guide santé"]
    assert listed(client, library_page, region=nord.region.pk) == ["Étude Nord"]


def test_facet_options_count_the_documents_they_would_give(client, library_page):
    ResourceFactory(resource_type="guide", year=2024)
    ResourceFactory(resource_type="guide", year=2025)
    ResourceFactory(resource_type="etude", year=2025)

    html = client.get(library_page.url, {"year": "2025"}).content.decode()

    assert "Guide (1)" in html and "Étude (1)" in html
    assert "2024 (1)" in html and "2025 (2)" in html
    # The counts are kept between renders, and renewed by a new document.
    ResourceFactory(resource_type="guide", year=2025)
    html = client.get(library_page.url, {"year": "2025"}).content.decode()
    assert "Guide (2)" in html and "2025 (3)" in html


def test_sorting_by_title_and_year(client, library_page):
    # Created in this order so that each sort gives another order; the two 2023 documents
    # were created title last first, so only the title tells them apart when sorting by year.
    for title, year in (("Bilan", 2025), ("Diagnostic", 2023), ("Atlas", 2023), ("Carnet", 2024)):
        ResourceFactory(title=title, year=year)

    assert listed(client, library_page, sort="title") == ["Atlas", "Bilan", "Carnet", "Diagnostic"]
    assert listed(client, library_page, sort="year") == ["Bilan", "Carnet", "Atlas", "Diagnostic"]
    newest_first = ["Carnet", "Atlas", "Diagnostic", "Bilan"]
    assert listed(client, library_page) == newest_first
    assert listed(client, library_page, sort="nimporte") == newest_first


def test_each_document_offers_its_download_with_format_and_size(client, library_page):
    resource = ResourceFactory(title="Guide du relogement", file_size=2048)

    html = client.get(library_page.url).content.decode()

    assert f'href="{resource.url}" download' in html
    assert "PDF, 2,0\xa0Kio" in html or "PDF, 2.0\xa0KB" in html or "PDF, 2,0 Kio" in html
