"""The API's documentation page works without network access: Swagger UI comes from the
static files django-ninja ships (no CDN), runs under the site's CSP (no inline script),
and reads the schema from the site itself. Every request to another host is aborted."""

from urllib.parse import urlsplit

from django.test import Client

from api.models import ApiToken
from tests.factories import EventFactory, UserFactory

LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
});
"""


def test_documentation_page_renders_offline_and_runs_a_request(live_server, page, screenshot):
    EventFactory(title="Rencontre nationale des centres de ressources")
    outside = []

    def only_local(route):
        host = urlsplit(route.request.url).hostname
        if route.request.url.startswith("data:") or host in ("localhost", "127.0.0.1"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.add_init_script(LISTEN)
    response = page.goto(live_server.url + "/api/v1/docs/")
    assert response.status == 200

    page.get_by_role("heading", name="API publique de Maillage").wait_for()
    events = page.locator("#operations-Événements-api_endpoints_events_list_events")
    events.locator("button.opblock-summary-control").click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    page.locator(".responses-wrapper .live-responses-table").get_by_text(
        "Rencontre nationale des centres de ressources"
    ).first.wait_for()
    screenshot("api-docs-offline")

    assert outside == []
    assert page.evaluate("window.__cspViolations") == []

    # The member's page where tokens are made, at both widths.
    member = UserFactory(display_name="Claire Martin")
    client = Client()
    client.force_login(member)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page.goto(live_server.url + "/api/jetons/")
    page.get_by_label("Nom").fill("Site du centre de ressources")
    page.get_by_role("button", name="Créer le jeton").click()
    shown = page.get_by_role("textbox", name="Jeton", exact=True).input_value()
    assert shown.startswith(ApiToken.objects.get(user=member).display_prefix)
    screenshot("api-tokens")
    page.set_viewport_size({"width": 390, "height": 800})
    screenshot("api-tokens-390")
    assert page.evaluate("window.__cspViolations") == []
