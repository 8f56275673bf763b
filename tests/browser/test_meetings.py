"""On a phone (390 px): a member opens a two-day gathering, reads its programme, and
registers answering the organiser's questions and choosing a workshop."""

from datetime import timedelta

from django.utils import timezone

from events.models import Registration
from tests.browser.test_debates_events import _log_in
from tests.factories import (
    EventFactory,
    ProgrammeItemFactory,
    RegistrationQuestionFactory,
    UserFactory,
    WorkshopFactory,
)


def test_member_registers_with_questions_and_a_workshop_on_a_phone(live_server, page, screenshot):
    start = timezone.now().replace(hour=8, minute=0, second=0, microsecond=0) + timedelta(days=30)
    event = EventFactory(
        title="Rassemblement national des centres de ressources",
        format="national",
        start_at=start,
        end_at=start + timedelta(days=1, hours=8),
        capacity=80,
    )
    ProgrammeItemFactory(event=event, title="Table ronde d’ouverture", start_at=start)
    ProgrammeItemFactory(event=event, title="Barcamp", start_at=start + timedelta(days=1))
    WorkshopFactory(
        event=event, title="Observation et données", start_at=start + timedelta(hours=5)
    )
    WorkshopFactory(
        event=event, title="Participation des habitants", start_at=start + timedelta(hours=5)
    )
    RegistrationQuestionFactory(
        event=event,
        label="Participerez-vous au dîner ?",
        kind="single",
        options="Oui\nNon",
        required=True,
    )
    RegistrationQuestionFactory(event=event, label="Régime alimentaire", kind="dietary")
    samira = UserFactory(display_name="Samira Cherif")

    page.set_viewport_size({"width": 390, "height": 844})
    _log_in(page, live_server, samira)
    page.goto(live_server.url + event.get_absolute_url())
    page.get_by_role("heading", name="Programme").wait_for()
    assert page.get_by_text("Table ronde d’ouverture").is_visible()
    screenshot("meeting-programme-390")
    page.locator("#inscription").get_by_role("link", name="S’inscrire").click()

    # The required question left empty: refused, what was typed stays.
    page.get_by_label("Régime alimentaire").fill("Végétarien")
    page.get_by_role("button", name="Valider mon inscription").click()
    page.get_by_text("Cette question demande une réponse.").wait_for()
    assert page.get_by_label("Régime alimentaire").input_value() == "Végétarien"
    assert not Registration.objects.exists()
    screenshot("meeting-registration-refused-390")

    page.get_by_label("Oui", exact=True).check()
    page.get_by_label("Observation et données").check()
    page.get_by_role("button", name="Valider mon inscription").click()
    page.get_by_text("Votre inscription est enregistrée.").wait_for()
    registration = Registration.objects.get(user=samira)
    assert [w.title for w in registration.workshops.all()] == ["Observation et données"]
    assert sorted(registration.answers.values_list("value", flat=True)) == ["Oui", "Végétarien"]
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot("meeting-registered-390")
