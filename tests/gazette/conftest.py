import pytest
from django.contrib.auth.models import Group

from taxonomy.models import Departement, Region, Thematique
from tests.factories import GazetteIndexPageFactory, MemberSubscriberFactory


@pytest.fixture
def gazette_index(db):
    return GazetteIndexPageFactory()


@pytest.fixture
def hauts_de_france(db):
    return Region.objects.get(code="32")


@pytest.fixture
def nord(db):
    return Departement.objects.get(code="59")


@pytest.fixture
def paca(db):
    return Region.objects.get(code="93")


@pytest.fixture
def thematiques(db):
    """Two of the thématiques the migrations load."""
    return [
        Thematique.objects.get(name="Développement économique et emploi"),
        Thematique.objects.get(name="Éducation"),
    ]


@pytest.fixture
def make_reader(db):
    """A subscribed member with a profile: région, département, thématiques, structure
    type and role as given."""

    def make(region=None, departement=None, thematiques=(), structure_type="", role=None, **user):
        subscriber = MemberSubscriberFactory(**({"user__" + k: v for k, v in user.items()}))
        profile = subscriber.user.profile
        profile.region = region or (departement.region if departement else None)
        profile.departement = departement
        profile.structure_type = structure_type
        profile.save()
        profile.thematiques.set(thematiques)
        if role:
            subscriber.user.groups.add(Group.objects.get(name=role))
        return subscriber

    return make
