import re

from events.models import Registration, RegistrationStatus
from participation.comments.api import post_comment
from participation.models import Comment
from tests.debates.conftest import phase
from tests.factories import PASSWORD, DebateFactory, EventFactory, UserFactory, make_space


def _log_in(page, live_server, user):
    page.goto(live_server.url + "/comptes/login/")
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_label(re.compile(r"^Mot de passe\s*:?$")).fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()


def test_member_registers_from_the_agenda_then_takes_a_stance_in_a_debate(
    live_server, page, screenshot
):
    space = make_space(
        "Rencontres du réseau 2026",
        phases=[phase("debate", "register")],
        modules=["proposals", "debates", "events"],
    )
    event = EventFactory(
        title="Visite du NPNRU de la Duchère",
        format="visite",
        commune="Lyon",
        capacity=2,
        space=space,
    )
    EventFactory(title="Webinaire : évaluer un contrat de ville", format="webinaire")
    debate = DebateFactory(
        space=space, title="Faut-il mutualiser les postes d’adultes-relais entre quartiers ?"
    )
    post_comment(UserFactory(), debate, "Oui, pour couvrir les horaires du soir.", stance="for")
    samira = UserFactory(display_name="Samira Cherif")

    # From the agenda to the event, then registration in place (htmx).
    _log_in(page, live_server, samira)
    page.goto(live_server.url + "/")
    page.get_by_role("navigation", name="Navigation principale").get_by_role(
        "link", name="Agenda"
    ).click()
    page.get_by_role("heading", name="Agenda du réseau").wait_for()
    screenshot("agenda")
    page.get_by_role("link", name="Visite du NPNRU de la Duchère").click()
    box = page.locator("#inscription")
    assert box.get_by_text("2 places restantes sur 2").is_visible()
    box.get_by_role("button", name="S’inscrire").click()
    box = page.locator("#inscription")
    box.get_by_text("Votre inscription est enregistrée.").wait_for()
    assert box.get_by_text("1 place restante sur 2").is_visible()
    assert Registration.objects.get(event=event, user=samira).status == RegistrationStatus.CONFIRMED
    screenshot("event-registered")

    # The debate: a comment with the stance "contre"; the summary counts it.
    page.goto(live_server.url + debate.get_absolute_url())
    page.get_by_label("Votre commentaire").fill(
        "Les habitants identifient une personne, pas un dispositif."
    )
    page.get_by_label("Votre position").select_option(label="Contre")
    page.get_by_role("button", name="Publier le commentaire").click()
    page.get_by_text("Les habitants identifient une personne").wait_for()
    assert Comment.objects.get(user=samira).stance == "against"
    page.reload()
    summary = page.locator(".stance-summary")
    assert summary.get_by_text("Pour : 1 contribution (50 %)").is_visible()
    assert summary.get_by_text("Contre : 1 contribution (50 %)").is_visible()
    screenshot("debate-stances")
