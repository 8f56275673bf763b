import pytest
from django.contrib.auth.models import Group

from home.models import HomePage
from members.roles import EDITEURS, MODERATEURS
from taxonomy.models import Thematique
from tests.factories import (
    ExperienceIndexPageFactory,
    NewsIndexPageFactory,
    UserFactory,
)


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


@pytest.fixture
def editor(db):
    user = UserFactory(display_name="Éva Éditrice", is_staff=True)
    user.groups.add(Group.objects.get(name=EDITEURS))
    return user


@pytest.fixture
def moderator(db):
    user = UserFactory(display_name="Marc Modérateur", is_staff=True)
    user.groups.add(Group.objects.get(name=MODERATEURS))
    return user
