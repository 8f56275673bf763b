"""Finding 8: with the Content-Security-Policy on, the main journeys work and the browser
reports no violation: home, search with suggestions, a vote and a comment with htmx, a
debate's stance bar, and the Wagtail admin's page editor (its own, looser policy)."""

import re
from datetime import timedelta

from django.contrib.auth.models import Group
from django.test import Client
from django.utils import timezone

from home.models import HomePage
from members.roles import MODERATEURS
from participation.comments.api import post_comment
from participation.models import Comment
from proposals.models import Vote
from tests.factories import DebateFactory, ProposalFactory, UserFactory, make_space

# Collects what the browser refuses, before any script of the page runs.
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def _watch(page):
    """Console messages about the policy, and the violation events of each page."""
    messages = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda message: (
            messages.append(f"{page.url} {message.location} {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )

    def violations():
        return [*messages, *page.evaluate("window.__cspViolations || []")]

    return violations


def _admin_settled(page):
    """The admin page has run its scripts (Stimulus marks the body ready, React draws the
    sidebar and its avatar after the load event) and every image has loaded or been refused:
    a refused one has reported its violation by then. Precise where "no request for half a
    second" cost that half second on each page."""
    page.locator("body.ready").wait_for(state="attached")
    page.locator("#wagtail-sidebar img.avatar, #wagtail-sidebar .avatar img").first.wait_for(
        state="attached"
    )
    _images_settled(page)


# Resolves once every image of the page has loaded or failed. Run by page.evaluate (the
# DevTools protocol, which no page policy governs): wait_for_function evaluates its text
# inside the page, which the policy's script-src without 'unsafe-eval' refuses.
IMAGES_SETTLED = """() => Promise.all([...document.images].map((image) => image.complete
  ? null
  : new Promise((done) => {
      image.addEventListener("load", done, {once: true});
      image.addEventListener("error", done, {once: true});
    })))"""


def _images_settled(page):
    page.evaluate(IMAGES_SETTLED)


def _directives(header):
    return dict(part.strip().split(" ", 1) for part in header.split(";"))


def _log_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


def _space():
    today = timezone.localdate()
    phase = {
        "title": "Propositions, vote et débats",
        "start_date": today - timedelta(days=2),
        "end_date": today + timedelta(days=20),
        "actions": ["propose", "vote", "comment", "debate"],
    }
    return make_space("Priorités du réseau", [phase], modules=["proposals", "debates"])


def test_public_journeys_run_under_the_policy(live_server, page, screenshot):
    space = _space()
    proposal = ProposalFactory(space=space, title="Créer un observatoire de l’emploi des jeunes")
    debate = DebateFactory(space=space, title="Faut-il mutualiser les adultes-relais ?")
    member = UserFactory(display_name="Claire Martin")
    violations = _watch(page)

    response = page.goto(live_server.url + "/")
    policy = _directives(response.headers["content-security-policy"])
    assert policy["script-src"] == policy["style-src"] == "'self'"
    assert policy["frame-ancestors"] == "'self'" and policy["object-src"] == "'none'"

    search_box = page.get_by_role("combobox", name="Rechercher sur Maillage")
    search_box.press_sequentially("observatoire", delay=40)
    page.locator("#header-search-suggestions").get_by_role(
        "option", name=re.compile("^Créer un observatoire")
    ).wait_for()
    assert not violations(), violations()

    _log_in(page, live_server, member)
    page.goto(live_server.url + proposal.get_absolute_url())
    page.get_by_role("button", name=re.compile("^Soutenir")).click()
    page.get_by_role("button", name=re.compile("^✓ Soutenue")).wait_for()
    assert Vote.objects.filter(user=member, proposal=proposal).exists()

    page.get_by_label("Votre commentaire").fill("Une idée à creuser ensemble.")
    page.get_by_role("button", name="Publier le commentaire").click()
    page.locator(".comments").get_by_text("Une idée à creuser ensemble.").wait_for()
    assert Comment.objects.filter(user=member).count() == 1
    share = page.get_by_label("Lien de la proposition")
    share.focus()
    assert page.evaluate("window.getSelection().toString()") == share.input_value()
    screenshot("csp-proposal-vote-and-comment")

    for stance in ("for", "for", "against"):
        post_comment(UserFactory(), debate, "Mon avis.", stance=stance)
    page.goto(live_server.url + debate.get_absolute_url())
    assert page.locator(".stance-bar rect").count() == 2
    assert page.locator(".stance-bar__part--for").get_attribute("width") == "2"
    assert not violations(), violations()


def test_admin_page_editor_runs_under_its_policy(live_server, page, screenshot):
    editor = UserFactory(display_name="Sophie Modératrice", is_staff=True)
    editor.groups.add(Group.objects.get(name=MODERATEURS))
    home = HomePage.objects.get()
    violations = _watch(page)
    _log_in(page, live_server, editor)

    response = page.goto(live_server.url + "/admin/")
    assert "content-security-policy" in response.headers
    page.goto(f"{live_server.url}/admin/pages/{home.pk}/edit/")
    page.locator("#id_title").fill("Accueil du réseau")
    screenshot("csp-admin-page-editor")
    page.locator(
        'button[name="action-submit"], button[type="submit"]:has-text("Enregistrer")'
    ).first.click()
    page.wait_for_url(re.compile(r"/admin/pages/"))
    assert HomePage.objects.get().get_latest_revision().content["title"] == "Accueil du réseau"
    for path in (
        "/admin/moderation/",
        "/admin/documents/",
        "/admin/images/",
        f"/admin/pages/{home.pk}/",
    ):
        page.goto(live_server.url + path)
        _admin_settled(page)
    assert not violations(), violations()

    # The public site, with Wagtail's user bar shown to editors, keeps the strict policy:
    # the bar's shadow content drawn and its style sheet applied (the trigger hidden from
    # layout until then), every image of the page loaded.
    page.goto(live_server.url + "/")
    page.locator("wagtail-userbar #wagtail-userbar-trigger").wait_for()
    _images_settled(page)
    assert not violations(), violations()
