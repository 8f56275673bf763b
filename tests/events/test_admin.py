"""Events and debates in the Wagtail admin: editors create, duplicate and archive events;
moderators close debates with conclusions; members are kept out."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from debates.models import Debate
from events.models import Event
from participation.models import Follow
from tests.debates.conftest import phase
from tests.factories import (
    EventFactory,
    ProgrammeItemFactory,
    RegistrationQuestionFactory,
    UserFactory,
    make_space,
)

pytestmark = pytest.mark.django_db

EMPTY_INLINES = [
    "questions",
    "programme_items",
    "workshops",
    "minutes_documents",
    "minutes_photos",
    "minutes_proposals",
    "minutes_debates",
]


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M")


def _event_form(**fields):
    start = timezone.now() + timedelta(days=20)
    data = {
        "format": "visite",
        "title": "Visite de la pépinière sentinelle-9d41",
        "description": "Une matinée d’échanges puis la visite.",
        "start_at": _local(start),
        "end_at": _local(start + timedelta(hours=3)),
        "commune": "Roubaix",
        "capacity": "25",
        "registrations_enabled": "on",
        "minutes_summary": rich_text(""),
        **{name: inline_formset([]) for name in EMPTY_INLINES},
        **fields,
    }
    return nested_form_data(data)


def test_an_editor_creates_an_event_in_the_admin_and_a_visitor_sees_it(
    editor_client, editor, client
):
    speaker = UserFactory(display_name="Inès Intervenante")
    data = _event_form(
        programme_items=inline_formset(
            [
                {
                    "start_at": _local(timezone.now() + timedelta(days=20)),
                    "end_at": _local(timezone.now() + timedelta(days=20, hours=1)),
                    "title": "Accueil et café",
                    "speakers_text": "Équipe du CRPV",
                }
            ]
        ),
    )
    data["programme_items-0-speakers"] = [speaker.pk]  # a multiple select, as browsers send it
    response = editor_client.post(reverse("wagtailsnippets_events_event:add"), data)
    assert response.status_code == 302, response.content.decode()[-3000:]
    event = Event.objects.get()
    assert event.organiser == editor and event.format == "visite"
    item = event.programme_items.get()
    assert item.title == "Accueil et café" and list(item.speakers.all()) == [speaker]
    assert Follow.objects.of(event).filter(user=editor).exists()

    agenda = client.get(reverse("events:agenda")).content.decode()
    assert "sentinelle-9d41" in agenda
    page = client.get(event.get_absolute_url()).content.decode()
    assert "Accueil et café" in page and "Inès Intervenante, Équipe du CRPV" in page


def test_an_invalid_event_is_refused_in_the_admin_and_nothing_is_written(editor_client):
    data = _event_form(commune="")
    response = editor_client.post(reverse("wagtailsnippets_events_event:add"), data)
    assert response.status_code == 200
    assert "Indiquez une commune" in response.content.decode()
    assert not Event.objects.exists()


def test_members_cannot_reach_the_events_admin(member_client):
    member_client.force_login(UserFactory(is_staff=False))
    response = member_client.get(reverse("wagtailsnippets_events_event:add"))
    assert response.status_code in (302, 403)


def test_the_admin_list_filters_by_format_and_status(editor_client):
    EventFactory(title="Barcamp sentinelle-a1", format="barcamp")
    EventFactory(title="Webinaire sentinelle-b2", format="webinaire")
    EventFactory(title="Barcamp archivé sentinelle-c3", format="barcamp", archived=True)
    url = reverse("wagtailsnippets_events_event:list")
    html = editor_client.get(url, {"format": "barcamp", "status": "upcoming"}).content.decode()
    assert "sentinelle-a1" in html
    assert "sentinelle-b2" not in html and "sentinelle-c3" not in html
    html = editor_client.get(url, {"q": "Webinaire"}).content.decode()
    assert "sentinelle-b2" in html and "sentinelle-a1" not in html


def test_duplicating_copies_programme_and_questions_not_registrations(editor_client, editor):
    event = EventFactory(title="Rencontre de printemps")
    ProgrammeItemFactory(event=event, title="Table ronde")
    RegistrationQuestionFactory(event=event, label="Besoins d’accessibilité")
    event.registrations.create(user=UserFactory())
    url = reverse("events_duplicate", args=[event.pk])
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(url)
    copy = Event.objects.exclude(pk=event.pk).get()
    assert response["Location"] == reverse("wagtailsnippets_events_event:edit", args=[copy.pk])
    assert copy.title == "Rencontre de printemps (copie)" and copy.organiser == editor
    assert list(copy.programme_items.values_list("title", flat=True)) == ["Table ronde"]
    assert list(copy.questions.values_list("label", flat=True)) == ["Besoins d’accessibilité"]
    assert not copy.registrations.exists() and event.programme_items.count() == 1


def test_an_archived_event_leaves_the_agenda_but_keeps_its_page(client):
    event = EventFactory(title="Archivé sentinelle-e5", archived=True)
    assert "sentinelle-e5" not in client.get(reverse("events:agenda")).content.decode()
    assert client.get(event.get_absolute_url()).status_code == 200


def _debate_space():
    return make_space("Rencontres du réseau", phases=[phase("debate")], modules=["debates"])


def test_a_moderator_closes_a_debate_with_conclusions_in_the_admin(moderator_client, member):
    space = _debate_space()
    debate = Debate.objects.create(
        space=space, title="Faut-il mutualiser ?", description="Contexte.", author=member
    )
    Follow.objects.create(user=member, content_object=debate)
    url = reverse("wagtailsnippets_debates_debate:edit", args=[debate.pk])
    assert moderator_client.get(url).status_code == 200
    response = moderator_client.post(
        url,
        {
            "space": space.pk,
            "title": debate.title,
            "description": debate.description,
            "conclusions": "Oui, par bassin de vie.",
        },
    )
    assert response.status_code == 302
    debate.refresh_from_db()
    assert debate.closed_at is not None and debate.conclusions == "Oui, par bassin de vie."
    assert member.notifications.count() == 1


def test_editors_cannot_edit_debates_in_the_admin(editor_client, member):
    debate = Debate.objects.create(
        space=_debate_space(), title="Question", description="Contexte.", author=member
    )
    url = reverse("wagtailsnippets_debates_debate:edit", args=[debate.pk])
    assert editor_client.get(url).status_code in (302, 403)
