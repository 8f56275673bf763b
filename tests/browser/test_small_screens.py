"""A member on a 320 px phone: a header of at most 120 px (navigation behind a menu
button, what is unread beside it), no horizontal scrolling on the pages they read, and
after an htmx vote the focus stays on the vote button and the live region says what
happened."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from participation.comments.api import post_comment
from tests.factories import (
    PASSWORD,
    EventFactory,
    ProposalFactory,
    UserFactory,
    conversation_between,
    make_space,
)


def _fits_a_phone(page, url, width=320):
    page.goto(url)
    header = page.locator(".site-header").bounding_box()["height"]
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert header <= 120, (url, header)
    assert scroll_width <= width, (url, scroll_width)


def test_a_member_on_a_small_phone_reads_and_votes_without_losing_focus(
    live_server, page, screenshot
):
    today = timezone.localdate()
    space = make_space(
        "Priorités du réseau pour les quartiers prioritaires",
        [
            {
                "title": "Vote",
                "start_date": today - timedelta(days=2),
                "end_date": today + timedelta(days=20),
                "actions": ["vote", "comment"],
            }
        ],
        modules=["proposals"],
    )
    proposal = ProposalFactory(
        space=space, title="Créer un observatoire partagé de l’emploi des jeunes"
    )
    member = UserFactory(display_name="Claire Martin")
    page.set_viewport_size({"width": 320, "height": 640})

    _fits_a_phone(page, live_server.url + "/")
    screenshot("small-screens-1-home-320")
    # A long word in an event's title wraps in its card (the agenda was 341 px wide).
    EventFactory(title="Webinaire : financer l’entrepreneuriat dans les quartiers")
    _fits_a_phone(page, live_server.url + "/agenda/")
    # The menu button opens the navigation, and says so.
    menu = page.locator(".site-menu__button")
    menu.click()
    # The details element's toggle event, which updates the attribute, is queued.
    expect(menu).to_have_attribute("aria-expanded", "true")
    page.get_by_role("navigation", name="Navigation principale").wait_for()
    screenshot("small-screens-2-menu-open-320")

    page.goto(live_server.url + "/comptes/login/")
    page.get_by_label("E-mail").fill(member.email)
    page.get_by_label(re.compile(r"^Mot de passe\s*:?$")).fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()

    list_url = f"{live_server.url}/propositions/{space.slug}/"
    _fits_a_phone(page, list_url)
    # What is unread shows beside the closed menu, named with its count.
    conversation_between(UserFactory(display_name="Karim Benali"), member)
    _fits_a_phone(page, list_url)
    expect(page.get_by_role("link", name="1 conversation non lue", exact=True)).to_be_visible()
    expect(page.get_by_role("link", name="1 notification non lue", exact=True)).to_be_visible()
    screenshot("small-screens-3-unread-320")
    _fits_a_phone(page, live_server.url + proposal.get_absolute_url())
    _fits_a_phone(page, live_server.url + "/recherche/?q=observatoire+emploi")
    screenshot("small-screens-3b-search-320")

    # htmx vote: the focus stays on the (new) vote button, the live region announces it.
    _fits_a_phone(page, list_url)
    page.get_by_role("button", name=re.compile("^Soutenir")).click()
    expect(page.locator("#annonces")).to_have_text("Vote enregistré.")
    focused = page.evaluate(
        "[document.activeElement.closest('.vote-block')?.id,"
        " document.activeElement.getAttribute('aria-pressed')]"
    )
    assert focused == [f"vote-{proposal.pk}", "true"]
    screenshot("small-screens-4-voted-320")

    # Proposing during the vote: the page says why and when, never a bare 403.
    _fits_a_phone(page, f"{list_url}nouvelle/")
    page.get_by_text("n’est pas ouvert pendant la phase en cours").wait_for()
    screenshot("small-screens-5-phase-closed-320")

    # At 390 px the vote card comes right after the proposal's text, before the thread:
    # seen first, and reached by Tab before any comment (source order, not a CSS reorder).
    for number in range(3):
        post_comment(UserFactory(), proposal, f"Avis numéro {number} sentinelle-7f3a9c.")
    page.set_viewport_size({"width": 390, "height": 844})
    _fits_a_phone(page, live_server.url + proposal.get_absolute_url(), width=390)
    vote = page.locator(f"#vote-{proposal.pk} .vote-button")
    first_comment = page.locator(".comments article").first
    assert vote.bounding_box()["y"] < first_comment.bounding_box()["y"]
    page.locator(".proposal-body").evaluate("body => { body.tabIndex = -1; body.focus(); }")
    reached = None
    for _press in range(30):
        page.keyboard.press("Tab")
        reached = page.evaluate(
            "document.activeElement.classList.contains('vote-button') ? 'vote'"
            " : document.activeElement.closest('.comments') ? 'thread' : null"
        )
        if reached:
            break
    assert reached == "vote"
    screenshot("small-screens-5b-proposal-390")

    # On a wide screen the navigation is shown at once, without the menu button.
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(list_url)
    assert not page.locator(".site-menu__button").is_visible()
    assert page.get_by_role("link", name="Participer", exact=True).is_visible()
    assert not page.locator(".header-alerts").is_visible()  # the account links show them
    screenshot("small-screens-6-header-1280")
