from datetime import timedelta

import pytest
from django.core import mail
from django.db import IntegrityError, connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from events import services
from events.models import Event, Registration, RegistrationStatus
from participation.models import Follow, Visibility
from tests.concurrency import errors, race
from tests.debates.conftest import phase
from tests.factories import EventFactory, RegistrationQuestionFactory, UserFactory, make_space

pytestmark = pytest.mark.django_db


def _statuses(event):
    return list(event.registrations.order_by("created_at", "pk").values_list("status", flat=True))


def test_member_registers_and_follows_the_event(member_client, member):
    event = EventFactory(capacity=10)
    response = member_client.post(reverse("events:register", args=[event.pk]))
    assert response.status_code == 302 and response["Location"].endswith("#inscription")
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED
    assert Follow.objects.of(event).filter(user=member).exists()
    html = member_client.get(event.get_absolute_url()).content.decode()
    assert "Vous êtes inscrit·e" in html and "9</strong> places restantes sur 10" in html
    # When, where and the registration come before the comments in the source (phone, Tab).
    thread = html.index('<section class="comments"')
    assert html.index('<dl class="event-facts">') < html.index('id="inscription"') < thread


def test_registering_twice_keeps_one_registration(member):
    event = EventFactory()
    services.register(member, event)
    services.register(member, event)
    assert event.registrations.count() == 1
    with pytest.raises(IntegrityError):
        Registration.objects.create(event=event, user=member)


def test_a_full_event_puts_members_on_the_waiting_list_and_a_cancellation_promotes_the_first(
    member, django_capture_on_commit_callbacks
):
    event = EventFactory(capacity=1)
    first_waiting, second_waiting = UserFactory(), UserFactory()
    services.register(member, event)
    services.register(first_waiting, event)
    services.register(second_waiting, event)
    assert _statuses(event) == ["confirmed", "waiting", "waiting"]

    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_registration(member, event)
    assert event.registrations.get(user=first_waiting).status == RegistrationStatus.CONFIRMED
    assert event.registrations.get(user=second_waiting).status == RegistrationStatus.WAITING
    assert mail.outbox[-1].to == [first_waiting.email]
    assert "Une place s’est libérée" in mail.outbox[-1].subject


def test_raising_the_capacity_promotes_the_waiting_list(moderator_client, moderator, member):
    event = EventFactory(capacity=1, organiser=moderator)
    services.register(UserFactory(), event)
    services.register(member, event)
    data = {
        "format": "rencontre",
        "title": event.title,
        "description": event.description,
        "start_at": timezone.localtime(event.start_at).strftime("%Y-%m-%dT%H:%M"),
        "end_at": timezone.localtime(event.end_at).strftime("%Y-%m-%dT%H:%M"),
        "commune": "Marseille",
        "capacity": 2,
        "registrations_enabled": "on",
    }
    response = moderator_client.post(reverse("events:edit", args=[event.pk]), data)
    assert response.status_code == 302
    assert event.registrations.get(user=member).status == RegistrationStatus.CONFIRMED


def test_registrations_follow_the_opening_and_closing_dates(member):
    now = timezone.now()
    not_yet = EventFactory(registration_opens_at=now + timedelta(days=1))
    closed = EventFactory(registration_closes_at=now - timedelta(hours=1))
    for event in (not_yet, closed):
        with pytest.raises(services.RegistrationClosed):
            services.register(member, event)
    assert not Registration.objects.exists()


def test_a_past_event_takes_no_registration_and_no_cancellation(member_client, member):
    event = EventFactory(capacity=5)
    services.register(member, event)
    Event.objects.filter(pk=event.pk).update(
        start_at=timezone.now() - timedelta(days=2), end_at=timezone.now() - timedelta(days=2)
    )
    response = member_client.post(reverse("events:cancel", args=[event.pk]))
    assert response.status_code == 302 and event.registrations.count() == 1
    html = member_client.get(event.get_absolute_url()).content.decode()
    assert "Annuler mon inscription" not in html


def test_space_event_registration_needs_the_phase_to_open_registrations(member):
    closed_phase = make_space("Sans inscription", phases=[phase()], modules=["proposals", "events"])
    open_phase = make_space(
        "Avec inscription", phases=[phase("register")], modules=["proposals", "events"]
    )
    with pytest.raises(services.PermissionDenied):
        services.register(member, EventFactory(space=closed_phase))
    assert services.register(member, EventFactory(space=open_phase)).pk


def test_visitor_is_invited_to_log_in_to_register(client):
    event = EventFactory()
    html = client.get(event.get_absolute_url()).content.decode()
    assert "Se connecter pour s’inscrire" in html
    response = client.post(reverse("events:register", args=[event.pk]))
    assert response.status_code == 302 and "/comptes/login/" in response["Location"]
    assert not Registration.objects.exists()


def test_htmx_registration_replaces_the_box_in_place(member_client):
    event = EventFactory(capacity=3)
    response = member_client.post(
        reverse("events:register", args=[event.pk]), HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert response.status_code == 200 and html.startswith('<section class="registration-box"')
    assert "Votre inscription est enregistrée." in html and "2</strong> places restantes" in html


def test_online_link_is_shown_to_registrants_only(member_client, member):
    event = EventFactory(online_url="https://visio.exemple.fr/salle", commune="")
    assert (
        "visio.exemple.fr/salle" not in member_client.get(event.get_absolute_url()).content.decode()
    )
    services.register(member, event)
    assert "visio.exemple.fr/salle" in member_client.get(event.get_absolute_url()).content.decode()


def test_private_space_events_are_invisible_to_non_members(client, member):
    invited = UserFactory()
    private = make_space(
        "Groupe régional",
        phases=[phase("register")],
        modules=["proposals", "events"],
        visibility=Visibility.PRIVATE,
        memberships=[invited],
    )
    event = EventFactory(space=private, title="Réunion interne du groupe")
    client.force_login(member)
    assert client.get(event.get_absolute_url()).status_code == 404
    assert client.post(reverse("events:register", args=[event.pk])).status_code == 404
    assert not Registration.objects.exists()
    assert "Réunion interne" not in client.get(reverse("events:agenda")).content.decode()
    assert "Réunion interne" not in client.get(reverse("events:agenda_ics")).content.decode()
    client.force_login(invited)
    assert "Réunion interne" in client.get(reverse("events:agenda")).content.decode()
    # The feed the other member was served is kept for those who see the same spaces only.
    assert "Réunion interne" in client.get(reverse("events:agenda_ics")).content.decode()


def test_organisers_see_and_export_registrations_members_do_not(client, member, moderator):
    event = EventFactory(organiser=moderator, capacity=1)
    services.register(member, event)
    services.register(UserFactory(display_name="Awa Traoré"), event)
    url = reverse("events:registrations", args=[event.pk])
    client.force_login(member)
    assert client.get(url).status_code == 403
    client.force_login(moderator)
    html = client.get(url).content.decode()
    assert member.display_name in html and "Sur liste d’attente" in html
    response = client.get(url, {"format": "csv"})
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert response["Content-Type"].startswith("text/csv")
    assert lines[0].startswith("Nom;E-mail") and len(lines) == 3
    assert lines[1].startswith(f"{member.display_name};{member.email}")


def test_only_moderators_publish_events(client, member, moderator):
    url = reverse("events:create")
    client.force_login(member)
    assert client.get(url).status_code == 403
    client.force_login(moderator)
    start = timezone.localtime() + timedelta(days=20)
    response = client.post(
        url,
        {
            "format": "visite",
            "title": "Visite de la Castellane",
            "description": "Avec l’équipe projet.",
            "start_at": start.strftime("%Y-%m-%dT%H:%M"),
            "end_at": (start + timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M"),
            "commune": "Marseille",
            "registrations_enabled": "on",
        },
    )
    event = Event.objects.get()
    assert response.status_code == 302 and event.organiser == moderator
    assert timezone.localtime(event.start_at).strftime("%H:%M") == start.strftime("%H:%M")


@pytest.mark.django_db(transaction=True)
def test_capacity_is_never_exceeded_under_concurrent_registrations():
    """Twelve members press "S’inscrire" at once for five places, each from their own
    database connection."""
    event = EventFactory(capacity=5)
    members = UserFactory.create_batch(12)
    outcomes = race([lambda user=user: services.register(user, event) for user in members])

    assert errors(outcomes) == []
    assert event.registrations.filter(status=RegistrationStatus.CONFIRMED).count() == 5
    assert event.registrations.filter(status=RegistrationStatus.WAITING).count() == 7


def test_the_event_page_from_the_cache_shows_each_member_their_own_registration_at_once(
    member_client, member
):
    """The event's row, its count and each member's registrations come from the exact
    cache: a registration, a cancellation or a new question shows at the very next page,
    and one member's state never shows on another's page."""
    event = EventFactory(capacity=3)
    other = UserFactory(display_name="Omar Autre")
    other_client = Client()
    other_client.force_login(other)
    url = event.get_absolute_url()

    def page(client):
        return client.get(url).content.decode()

    for client in (member_client, other_client):  # both fill the cache
        assert "3</strong> places restantes sur 3" in page(client)
    with CaptureQueriesContext(connection) as warm:
        html = page(member_client)
    assert "Vous êtes inscrit·e" not in html
    assert not [q for q in warm.captured_queries if '"events_' in q["sql"]]

    member_client.post(reverse("events:register", args=[event.pk]))
    mine, theirs = page(member_client), page(other_client)
    assert "Vous êtes inscrit·e" in mine and "2</strong> places restantes sur 3" in mine
    assert "Vous êtes inscrit·e" not in theirs and "2</strong> places restantes sur 3" in theirs
    assert "Annuler mon inscription" not in theirs

    other_client.post(reverse("events:register", args=[event.pk]))
    assert "1</strong> place restante sur 3" in page(member_client)
    member_client.post(reverse("events:cancel", args=[event.pk]))
    mine, theirs = page(member_client), page(other_client)
    assert "Vous êtes inscrit·e" not in mine and "2</strong> places restantes sur 3" in mine
    assert "Vous êtes inscrit·e" in theirs

    RegistrationQuestionFactory(event=event, label="Régime alimentaire", kind="dietary")
    assert "L’inscription se fait en répondant à quelques questions." in page(member_client)
