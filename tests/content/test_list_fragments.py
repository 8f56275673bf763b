"""The results of the lists (news, directory, agenda, debates) are cached fragments read only on a
miss (`content.listing.lazy_paginate`): a repeat render asks nothing of their tables, a
write to what they show appears at once, and a member's own state on a card (their
registration) is never shown to another."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Registration, RegistrationStatus
from home.models import HomePage
from tests.factories import (
    DebateFactory,
    EventFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    UserFactory,
    directory_member,
    make_space,
)


def get(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return response.content.decode(), " ".join(query["sql"] for query in queries.captured_queries)


def test_news_results_are_read_once_then_renewed_by_a_new_news(client, db):
    index = NewsIndexPageFactory(parent=HomePage.objects.get())
    NewsPageFactory(parent=index, title="Actualité sentinelle-2b9e")

    first, _ = get(client, index.url)
    again, read_again = get(client, index.url)
    NewsPageFactory(parent=index, title="Actualité nouvelle-6c1f")
    after, _ = get(client, index.url)

    assert "sentinelle-2b9e" in first and again == first
    assert "COUNT(" not in read_again and '"editorial_newspage_thematiques"' not in read_again
    assert "nouvelle-6c1f" in after and "2 actualités" in after


def test_directory_results_show_a_renamed_member_at_once(client, db):
    listed = directory_member(display_name="Membre sentinelle-8d4a")
    url = reverse("members:directory")

    first, _ = get(client, url)
    _, read_again = get(client, url)
    listed.display_name = "Membre renommé-1f7c"
    listed.save(update_fields=["display_name"])
    after, _ = get(client, url)

    assert "sentinelle-8d4a" in first and '"members_profile"' not in read_again
    assert "renommé-1f7c" in after and "sentinelle-8d4a" not in after


def test_agenda_cards_show_each_member_their_own_registration_only(client, db):
    event = EventFactory(title="Rencontre sentinelle-5a3e")
    registered, other = UserFactory(), UserFactory()
    Registration.objects.create(event=event, user=registered, status=RegistrationStatus.WAITING)
    url = reverse("events:agenda")

    client.force_login(registered)
    seen_by_registered, _ = get(client, url)
    client.force_login(other)
    seen_by_other, _ = get(client, url)
    _, read_again = get(client, url)
    Registration.objects.create(event=event, user=other)
    seen_by_other_registered, _ = get(client, url)
    EventFactory(title="Atelier nouveau-9e2b")
    client.logout()
    seen_anonymously, _ = get(client, url)

    assert "Sur liste d’attente" in seen_by_registered and "sentinelle-5a3e" in seen_by_other
    assert "Sur liste d’attente" not in seen_by_other and "Inscrit·e" not in seen_by_other
    assert '"events_event"' not in read_again
    assert "Inscrit·e" in seen_by_other_registered
    assert "nouveau-9e2b" in seen_anonymously and "Inscrit·e" not in seen_anonymously


def test_debate_results_show_hidden_debates_to_moderators_only(client, moderator_client):
    space = make_space(modules=["debates"])
    DebateFactory(space=space, title="Débat masqué-4c8e", is_hidden=True)
    DebateFactory(space=space, title="Débat ouvert-7a1d")
    url = reverse("debates:list")

    seen_by_moderator, _ = get(moderator_client, url)
    seen_by_visitor, _ = get(client, url)
    DebateFactory(space=space, title="Débat nouveau-3f5b")
    seen_after, _ = get(client, url)

    assert "masqué-4c8e" in seen_by_moderator and "Masqué" in seen_by_moderator
    assert "ouvert-7a1d" in seen_by_visitor and "masqué-4c8e" not in seen_by_visitor
    assert "nouveau-3f5b" in seen_after
