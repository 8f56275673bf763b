"""The event page: programme days side by side, workshops with their places, and a
constant number of queries whatever the size of the programme and minutes."""

from datetime import timedelta

import pytest
from django.utils import timezone

from events import services
from events.models import MinutesDebate, MinutesProposal
from tests.factories import (
    EventFactory,
    ProgrammeItemFactory,
    ProposalFactory,
    UserFactory,
    WorkshopFactory,
    make_space,
)

pytestmark = pytest.mark.django_db


def _two_day_event(items_per_day, **fields):
    # 9 h, Paris time: points and workshops up to 17 h stay on their day whatever the hour
    # the test runs (from now + 30 days they spilled into a third day after 19 h).
    start = timezone.localtime().replace(hour=9, minute=0, second=0, microsecond=0)
    start += timedelta(days=30)
    event = EventFactory(start_at=start, end_at=start + timedelta(days=1, hours=8), **fields)
    speakers = UserFactory.create_batch(2)
    for day in range(2):
        for index in range(items_per_day):
            item = ProgrammeItemFactory(
                event=event,
                title=f"Jour {day + 1} point {index}",
                start_at=start + timedelta(days=day, hours=index),
            )
            item.speakers.set(speakers)
            item.save()  # writes the ParentalManyToManyField
        WorkshopFactory(event=event, start_at=start + timedelta(days=day, hours=5))
    return event


def test_a_two_day_gathering_shows_its_days_side_by_side(member_client, member):
    event = _two_day_event(2)
    workshop = event.workshops.first()
    services.register(member, event, workshops=[workshop])
    html = member_client.get(event.get_absolute_url()).content.decode()
    assert "programme__days--2" in html
    assert html.count('class="programme__day"') == 2
    assert html.index("Jour 1 point 1") < html.index("Jour 2 point 0")
    assert "9 places restantes" in html
    speaker = event.programme_items.first().speakers.first()
    assert speaker is not None and html.count(speaker.display_name) == 4  # on each item

    # The page's main column is a shared fragment: a registration, a renamed point, and
    # the event's own fields renew it at once.
    services.register(UserFactory(), event, workshops=[workshop])
    event.programme_items.filter(title="Jour 2 point 0").update(title="Point renommé-6c1f0a")
    html = member_client.get(event.get_absolute_url()).content.decode()
    assert "8 places restantes" in html and "Point renommé-6c1f0a" in html
    event.description = "Présentation sentinelle-2b7e4d"
    event.save()
    assert (
        "Présentation sentinelle-2b7e4d"
        in member_client.get(event.get_absolute_url()).content.decode()
    )


def test_the_minutes_links_are_shared_only_by_who_sees_the_same_spaces(client, member_client):
    invited = UserFactory()
    private = make_space("Groupe restreint", visibility="private", memberships=[invited])
    event = EventFactory(minutes_published=True, minutes_summary="<p>CR</p>")
    MinutesProposal.objects.create(
        event=event, proposal=ProposalFactory(space=private, title="Piste privée-4e9a1c")
    )
    seen_by_member = member_client.get(event.get_absolute_url()).content.decode()
    seen_anonymously = client.get(event.get_absolute_url()).content.decode()
    client.force_login(invited)
    seen_by_invited = client.get(event.get_absolute_url()).content.decode()

    assert "CR" in seen_by_member and "CR" in seen_anonymously
    assert "Piste privée-4e9a1c" not in seen_by_member + seen_anonymously
    assert "Piste privée-4e9a1c" in seen_by_invited


@pytest.mark.parametrize("items_per_day", [2, 8])
def test_event_page_with_programme_and_minutes_makes_constant_queries(
    member_client, django_assert_max_num_queries, items_per_day
):
    space = make_space("Démarche ouverte", modules=["proposals", "debates", "events"])
    event = _two_day_event(items_per_day, minutes_published=True, minutes_summary="<p>CR</p>")
    for proposal in ProposalFactory.create_batch(items_per_day, space=space):
        MinutesProposal.objects.create(event=event, proposal=proposal)
    assert MinutesDebate.objects.count() == 0
    with django_assert_max_num_queries(40):
        response = member_client.get(event.get_absolute_url())
    assert response.status_code == 200
    assert response.content.decode().count("Proposition :") == items_per_day
