import pytest
from django.test import Client

from events.models import Registration, RegistrationStatus
from tests.factories import BarcampFactory, UserFactory


def register(user, barcamp, status=RegistrationStatus.CONFIRMED):
    Registration.objects.create(event=barcamp.event, user=user, status=status)
    return user


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def barcamp(db):
    return BarcampFactory()


@pytest.fixture
def participant(barcamp):
    return register(UserFactory(display_name="Samira Cherif"), barcamp)


@pytest.fixture
def participant_client(participant):
    return client_for(participant)
