"""One journey: a member types @ in a comment box, picks a colleague with the keyboard,
posts; the colleague finds one grouped notification and the link to her profile."""

from participation.comments.api import post_comment
from tests.browser.test_participation import _log_in, _log_out
from tests.factories import UserFactory, directory_member, make_space


def test_member_mentions_a_colleague_picked_with_the_keyboard(live_server, page, screenshot):
    space = make_space("Priorités du réseau 2026")
    claire = UserFactory(display_name="Claire Martin")
    nadia = directory_member(display_name="Nadia Haddad")
    directory_member(display_name="Nadine Roux")
    post_comment(nadia, space, "Premier avis sur les priorités.")

    _log_in(page, live_server, claire)
    page.goto(live_server.url + space.url)
    box = page.get_by_label("Votre commentaire")
    box.press_sequentially("Qu’en pense @nad", delay=20)
    listbox = page.get_by_role("listbox", name="Membres à mentionner")
    listbox.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    box.press("ArrowDown")
    assert page.get_by_role("option", name="Nadia Haddad").get_attribute("aria-selected") == "true"
    screenshot("mentions-1-suggestions")
    box.press("Enter")
    assert box.input_value() == "Qu’en pense @Nadia Haddad "
    assert box.get_attribute("aria-expanded") == "false"
    box.press_sequentially("?")
    page.get_by_role("button", name="Publier le commentaire").click()
    page.get_by_role("link", name="@Nadia Haddad").wait_for()
    _log_out(page)

    _log_in(page, live_server, nadia)
    page.goto(live_server.url + "/participer/notifications/")
    mentions = page.get_by_role("link", name="Claire Martin vous a mentionné sur")
    assert mentions.count() == 1
    page.set_viewport_size({"width": 390, "height": 800})
    screenshot("mentions-2-notifications-390")
    mentions.click()
    page.wait_for_url(f"**{space.url}#c*")
