"""A moderator records a step of a result and changes its status; a member who follows
the result sees the notification, and the space's "Suivi" card shows the new progress."""

import re

from django.contrib.auth.models import Group

from members.roles import MODERATEURS
from participation.notifications.api import follow
from tests.accountability.conftest import closed_phase
from tests.factories import (
    PASSWORD,
    AccountabilityStatusFactory,
    ResultFactory,
    UserFactory,
    make_space,
)


def _log_in(page, live_server, user):
    page.context.clear_cookies()
    page.goto(live_server.url + "/comptes/login/")
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_label(re.compile(r"^Mot de passe\s*:?$")).fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()


def test_moderator_records_progress_and_a_follower_is_told(live_server, page, screenshot):
    space = make_space(
        "Rencontres du réseau suivies", phases=closed_phase(), modules=["accountability"]
    )
    AccountabilityStatusFactory(space=space, name="À lancer", progress=0, order=0)
    AccountabilityStatusFactory(space=space, name="En cours", progress=50, order=1)
    starting = AccountabilityStatusFactory(space=space, name="Démarré", progress=10, order=2)
    result = ResultFactory(space=space, title="Rencontre sur l’insertion", status=starting)
    moderator = UserFactory(display_name="Nadia Haddad")
    moderator.groups.add(Group.objects.get(name=MODERATEURS))
    follower = UserFactory(display_name="Claire Martin")
    follow(follower, result)

    _log_in(page, live_server, moderator)
    page.goto(live_server.url + result.get_absolute_url())
    page.get_by_role("link", name="Ajouter une étape").click()
    page.get_by_label("Ce qui a avancé").fill(
        "Le lieu est réservé à Lille, les intervenants confirmés."
    )
    page.get_by_label("Nouvel état").select_option(label="En cours (50 %)")
    page.get_by_role("button", name="Publier l’étape").click()
    page.get_by_text("Le lieu est réservé à Lille").wait_for()
    screenshot("accountability-result")

    _log_in(page, live_server, follower)
    page.goto(live_server.url + "/participer/notifications/")
    page.get_by_text("a changé l’état du chantier").first.wait_for()
    page.goto(live_server.url + space.url)
    card = page.locator(".result-card", has_text="Rencontre sur l’insertion")
    assert card.locator("progress").get_attribute("value") == "50"
    assert card.get_by_text("50 %").is_visible()
    screenshot("accountability-space-section")
    page.set_viewport_size({"width": 390, "height": 800})
    screenshot("accountability-space-section-mobile")
