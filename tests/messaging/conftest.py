import pytest

from tests.factories import directory_member


@pytest.fixture
def karim(db):
    return directory_member(display_name="Karim Benali", email="karim.benali@exemple.fr")


@pytest.fixture
def sophie(db):
    return directory_member(display_name="Sophie Durand", email="sophie.durand@exemple.fr")
