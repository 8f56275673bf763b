"""The home page's sections are three fragments (spaces under way, next events, news and
resources), each renewed only by what it shows: an event's change re-reads the events,
not the spaces nor the news, and a phase's change shows at once."""

from datetime import timedelta

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import PageViewRestriction

from home.models import HomePage
from participation.models import SpacePhase
from tests.factories import EventFactory, make_space


def get(client):
    with CaptureQueriesContext(connection) as queries:
        html = client.get("/").content.decode()
    return html, " ".join(query["sql"] for query in queries.captured_queries)


def test_each_home_section_is_renewed_by_what_it_shows_only(client, db):
    space = make_space("Démarche sentinelle-4e1a")
    event = EventFactory(title="Rencontre sentinelle-4e1a")

    first, _ = get(client)
    event.title = "Rencontre renommée-8b2f"
    event.save()
    after_event, read = get(client)
    today = timezone.localdate()
    SpacePhase.objects.filter(space=space).update(
        title="Phase sentinelle-6d0c", end_date=today + timedelta(days=1)
    )
    after_phase, _ = get(client)
    SpacePhase.objects.filter(space=space).update(end_date=today - timedelta(days=1))
    after_end, _ = get(client)

    assert "Démarche sentinelle-4e1a" in first and "Rencontre sentinelle-4e1a" in first
    assert "Rencontre renommée-8b2f" in after_event
    assert '"events_event"' in read and '"participation_spacephase"' not in read
    assert '"editorial_newspage"' not in read
    assert "Phase en cours : Phase sentinelle-6d0c" in after_phase
    assert "Démarche sentinelle-4e1a" not in after_end


def test_a_view_restriction_on_the_home_page_applies_at_once(client, db):
    """Wagtail's restrictions are read from the exact cache before serving: a new one
    is enforced at the next visit."""
    assert client.get("/").status_code == 200
    PageViewRestriction.objects.create(
        page=HomePage.objects.get(), restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get("/").status_code == 302
