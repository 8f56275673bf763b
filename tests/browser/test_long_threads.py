"""A keyboard user crosses a long thread: a link skips to the comment form, each comment
costs at most two Tab presses, its menu opens with Enter and a reply is written in place;
folded replies are shown in place."""

import re

from participation.models import Comment
from tests.factories import PASSWORD, UserFactory
from tests.participation.long_thread import long_thread


def test_keyboard_user_crosses_a_long_thread_and_replies(live_server, page, screenshot):
    reader = UserFactory(display_name="Claire Martin")
    proposal = long_thread(reader)
    page.goto(live_server.url + "/comptes/login/")
    page.get_by_label("E-mail").fill(reader.email)
    page.get_by_label(re.compile(r"^Mot de passe\s*:?$")).fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()
    page.goto(live_server.url + proposal.get_absolute_url())

    # From the skip link, the first comment's menu is the next stop, then its neighbour's.
    page.get_by_role("link", name="Ajouter un commentaire").focus()
    page.keyboard.press("Tab")
    first = Comment.objects.filter(level=0).order_by("thread_id").first()
    assert page.evaluate("document.activeElement.closest('li.comment').id") == f"c{first.pk}"
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    presses, seen = 0, set()
    while len(seen) < 10:
        page.keyboard.press("Tab")
        presses += 1
        seen.add(page.evaluate("document.activeElement.closest('li.comment')?.id"))
    assert presses <= 2 * len(seen)

    # Enter opens the menu; "Répondre" brings the form under the comment, focused.
    page.locator(f"#c{first.pk} > article summary").focus()
    page.keyboard.press("Enter")
    page.locator(f"#c{first.pk} > article").get_by_role("link", name="Répondre").click()
    textarea = page.locator(f"#reply-{first.pk}")
    textarea.wait_for()
    # Focus moves there through the site's htmx convention (data-focus-after-swap).
    textarea.focus()
    page.keyboard.type("Merci, je relaie au conseil citoyen.")
    screenshot("long-thread-reply")
    page.get_by_role("button", name="Publier la réponse").click()
    page.get_by_text("Merci, je relaie au conseil citoyen.").wait_for()
    assert Comment.objects.filter(parent_id=first.pk, comment__startswith="Merci").exists()

    # The first thread has more replies than shown: the link shows them, focus on the first.
    page.goto(live_server.url + proposal.get_absolute_url())
    more = page.get_by_role("link", name="Afficher les 5 autres réponses")
    more.click()
    page.locator(f"#c{first.pk} [data-announce]").wait_for(state="attached")
    assert page.locator(f"#c{first.pk} .comment--level-1").count() == 7
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("long-thread-phone")
