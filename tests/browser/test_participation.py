import re

from django.contrib.auth.models import Group, Permission

from members.roles import MODERATEURS, ensure_roles
from participation.comments.api import post_comment
from participation.models import Comment
from tests.factories import PASSWORD, UserFactory, make_space


def _log_in(page, live_server, user):
    page.goto(live_server.url + "/comptes/login/")
    page.get_by_label("E-mail").fill(user.email)
    page.get_by_label(re.compile(r"^Mot de passe\s*:?$")).fill(PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()


def _log_out(page):
    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_load_state()


def test_member_comments_and_replies_then_moderator_hides_a_reported_comment(
    live_server, page, screenshot
):
    space = make_space("Priorités du réseau 2026")
    claire = UserFactory(display_name="Claire Martin")
    karim = UserFactory(display_name="Karim Benali")
    post_comment(karim, space, "Gardons la rénovation urbaine en tête des priorités.")
    ensure_roles(Group, Permission)
    moderator = UserFactory(display_name="Sophie Modératrice", is_staff=True)
    moderator.groups.add(Group.objects.get(name=MODERATEURS))

    # Claire comments, then replies to Karim; htmx updates the thread in place.
    _log_in(page, live_server, claire)
    page.goto(live_server.url + space.url)
    page.get_by_label("Votre commentaire").fill(
        "L’emploi des jeunes d’abord !\nVoir https://anru.fr"
    )
    page.get_by_role("button", name="Publier le commentaire").click()
    page.get_by_text("L’emploi des jeunes d’abord !").wait_for()
    assert page.get_by_role("link", name="https://anru.fr").is_visible()
    karim_comment = page.locator(f"#c{Comment.objects.get(user=karim).pk}")
    karim_comment.get_by_text("Actions", exact=True).click()
    karim_comment.get_by_role("link", name="Répondre").click()
    karim_comment.get_by_label("Votre réponse à Karim Benali").fill("Les deux vont ensemble.")
    karim_comment.get_by_role("button", name="Publier la réponse").click()
    page.locator(".comment--level-1").get_by_text("Les deux vont ensemble.").wait_for()
    assert page.get_by_role("heading", name="3 commentaires").is_visible()
    screenshot("participation-thread")
    _log_out(page)

    # Karim sees the notifications in the header and reports Claire's comment.
    _log_in(page, live_server, karim)
    page.goto(live_server.url + space.url)
    assert page.locator(".notifications-link .badge").inner_text().startswith("2")
    page.get_by_role("link", name=re.compile("^Notifications")).click()
    assert page.get_by_text("Claire Martin a répondu à un commentaire sur").is_visible()
    screenshot("participation-notifications")
    page.goto(live_server.url + space.url)
    claire_comment = Comment.objects.get(user=claire, level=0)
    page.locator(f"#c{claire_comment.pk}").get_by_text("Actions", exact=True).click()
    page.locator(f"#c{claire_comment.pk}").get_by_role("link", name="Signaler").click()
    page.get_by_label("Hors sujet").check()
    page.get_by_label("Précisions (facultatif)").fill("Sans rapport avec les priorités.")
    page.get_by_role("button", name="Envoyer le signalement").click()
    assert page.get_by_text("votre signalement est transmis").is_visible()
    _log_out(page)

    # The moderator hides it from the queue in Wagtail's admin.
    _log_in(page, live_server, moderator)
    page.goto(live_server.url + "/admin/moderation/")
    assert page.get_by_text("Sans rapport avec les priorités.").is_visible()
    screenshot("participation-moderation-queue")
    page.get_by_label("Motif (journal)").fill("Hors sujet, masqué en attendant l’autrice.")
    page.get_by_role("button", name="Masquer", exact=True).click()
    page.get_by_text("Contenu masqué.").wait_for()
    screenshot("participation-moderation-hidden")
    claire_comment.refresh_from_db()
    assert claire_comment.is_hidden
    page.goto(live_server.url + "/admin/moderation/journal/")
    assert page.get_by_text("Hors sujet, masqué en attendant l’autrice.").is_visible()
    screenshot("participation-moderation-log")
    page.context.clear_cookies()
    page.goto(live_server.url + space.url)
    assert page.get_by_text("Commentaire masqué par la modération").is_visible()
    assert page.get_by_text("Les deux vont ensemble.").is_visible()
    screenshot("participation-hidden-comment")
