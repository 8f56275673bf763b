import pytest

from tests.factories import make_space


@pytest.fixture
def space(db):
    return make_space()
