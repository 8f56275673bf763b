import pytest

from home.models import HomePage
from taxonomy.models import Thematique
from tests.factories import ExperienceIndexPageFactory, NewsIndexPageFactory


@pytest.fixture
def home(db):
    return HomePage.objects.get()


@pytest.fixture
def news_index(home):
    return NewsIndexPageFactory(parent=home)


@pytest.fixture
def experience_index(home):
    return ExperienceIndexPageFactory(parent=home)


@pytest.fixture
def thematique(db):
    return Thematique.objects.get(slug="sante")
