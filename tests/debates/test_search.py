"""Debates and events are found by the network search only by those who may see them."""

import pytest
from django.contrib.auth.models import AnonymousUser

from participation.models import SpaceMembership, Visibility
from search.backends import get_backend
from search.backends.base import SearchRequest
from search.registry import user_principals
from tests.debates.conftest import phase
from tests.factories import DebateFactory, EventFactory, UserFactory, make_space

pytestmark = pytest.mark.django_db


def titles(user, text):
    results = get_backend().search(SearchRequest(text=text, principals=user_principals(user)))
    return {hit.title for hit in results.hits}


def test_private_space_debates_and_events_are_found_by_invited_members_only(
    django_capture_on_commit_callbacks,
):
    invited, outsider = UserFactory(), UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        public = make_space("Ouverte", phases=[phase("debate")], modules=["proposals", "debates"])
        private = make_space(
            "Groupe Santé",
            phases=[phase("debate")],
            modules=["proposals", "debates", "events"],
            visibility=Visibility.PRIVATE,
            memberships=[invited],
        )
        DebateFactory(space=public, title="Médiation en santé : quels financements ?")
        DebateFactory(space=private, title="Médiation en santé : bilan interne")
        EventFactory(space=private, title="Réunion médiation en santé")
        EventFactory(title="Webinaire médiation en santé")

    everyone = {"Médiation en santé : quels financements ?", "Webinaire médiation en santé"}
    assert titles(AnonymousUser(), "médiation") == everyone
    assert titles(outsider, "médiation") == everyone
    assert titles(invited, "médiation") == everyone | {
        "Médiation en santé : bilan interne",
        "Réunion médiation en santé",
    }

    newcomer = UserFactory()
    with django_capture_on_commit_callbacks(execute=True):
        SpaceMembership.objects.create(space=private, user=newcomer)
    assert "Réunion médiation en santé" in titles(newcomer, "médiation")


def test_a_debate_hidden_by_moderation_leaves_the_search(django_capture_on_commit_callbacks):
    from participation.moderation import services as moderation

    moderator = UserFactory(is_superuser=True)
    with django_capture_on_commit_callbacks(execute=True):
        space = make_space("Ouverte", phases=[phase("debate")], modules=["proposals", "debates"])
        debate = DebateFactory(space=space, title="Médiation en santé : un débat signalé")
    assert "Médiation en santé : un débat signalé" in titles(AnonymousUser(), "médiation")

    with django_capture_on_commit_callbacks(execute=True):
        moderation.hide(moderator, debate, reason="Hors sujet")

    assert "Médiation en santé : un débat signalé" not in titles(AnonymousUser(), "médiation")
