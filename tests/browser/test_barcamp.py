"""A barcamp from pitch to grid: a participant pitches a session and marks it « Je veux y
aller », the organiser places it and publishes the grid, the participant finds it in the
grid on a phone."""

import io
import re

from pypdf import PdfReader

from barcamp.models import Interest, Session
from tests.barcamp.conftest import register
from tests.browser.conftest import save_screenshot
from tests.factories import (
    PASSWORD,
    BarcampFactory,
    BarcampRoomFactory,
    BarcampSlotFactory,
    UserFactory,
)


def _log_in(page, live_server, user):
    page.goto(live_server.url + "/comptes/login/")
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_label(re.compile(r"^Mot de passe\s*:?$")).fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()


def test_participant_pitches_votes_and_finds_the_session_in_the_published_grid(
    live_server, browser, page, screenshot, moderator
):
    barcamp = BarcampFactory(event__title="Barcamp des centres de ressources")
    BarcampRoomFactory(barcamp=barcamp, name="Amphithéâtre", capacity=80)
    BarcampRoomFactory(barcamp=barcamp, name="Salle Rhône", capacity=20)
    BarcampSlotFactory.create_batch(2, barcamp=barcamp)
    samira = register(UserFactory(display_name="Samira Cherif"), barcamp)

    # The participant pitches from the event page, then marks her session (htmx).
    _log_in(page, live_server, samira)
    page.goto(live_server.url + barcamp.event.get_absolute_url())
    page.get_by_role("link", name="Proposer une session").click()
    page.get_by_label("Titre").fill("Données carroyées : qui sait s’en servir ?")
    page.get_by_label("Pitch").fill("Deux outils libres et nos besoins de formation.")
    page.get_by_role("button", name="Proposer la session").click()
    page.get_by_text("Votre session est proposée.").wait_for()
    page.get_by_role("button", name=re.compile("^Je veux y aller")).click()
    page.get_by_role("button", name=re.compile("^✓ J’y vais")).wait_for()
    assert page.get_by_text("Il vous reste 2 choix sur 3.").is_visible()
    session = Session.objects.get()
    assert Interest.objects.get().user == samira and session.pitcher == samira
    screenshot("barcamp-session")

    # The organiser sees the demand, places the session and publishes the grid.
    organiser = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    admin = organiser.new_page()
    _log_in(admin, live_server, moderator)
    admin.goto(live_server.url + f"/barcamp/{barcamp.event_id}/organisation/")
    row = admin.locator(f"#session-{session.pk}")
    assert row.get_by_text("1 personne").is_visible()
    row.get_by_label(re.compile("^Créneau")).select_option(index=1)
    row.get_by_label(re.compile("^Salle")).select_option(label="Salle Rhône (20 places)")
    row.get_by_role("button", name=re.compile("^Placer")).click()
    admin.get_by_text("est placée en Salle Rhône").wait_for()
    admin.get_by_role("button", name="Publier la grille").click()
    admin.get_by_text("La grille est publiée : les participant·es sont prévenu·es.").wait_for()
    save_screenshot(admin, "barcamp-organise")
    organiser.close()

    # On her phone, the participant finds her session in the grid, under its room.
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(live_server.url + f"/barcamp/{barcamp.event_id}/grille/")
    cell = page.locator("td", has_text="Données carroyées")
    assert cell.get_by_text("Salle Rhône").is_visible()
    assert cell.bounding_box()["width"] <= 390
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot("barcamp-grid-390")

    # Printed, the grid is one A4 landscape page.
    pdf = PdfReader(io.BytesIO(page.pdf(prefer_css_page_size=True)))
    box = pdf.pages[0].mediabox
    assert len(pdf.pages) == 1 and round(box.width) == 842 and round(box.height) == 595
