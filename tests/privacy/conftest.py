import pytest

from privacy.models import LegalDocument
from tests.factories import LegalPageFactory


@pytest.fixture
def legal_pages(db):
    """The terms and the privacy notice, version 1.0, published."""
    return {
        document: LegalPageFactory(document=document)
        for document in (LegalDocument.TERMS, LegalDocument.PRIVACY)
    }
