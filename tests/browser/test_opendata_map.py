"""The map page with the network cut off (no tiles): the server-rendered list still shows
every item, Leaflet (shipped, served by the site) still draws the markers, and a status
line says the background map does not load."""

from urllib.parse import urlsplit

from taxonomy.models import Departement
from tests.factories import EventFactory, StructureFactory


def test_map_list_works_without_network(live_server, page, screenshot):
    essonne = Departement.objects.get(code="91")
    EventFactory(title="Forum de Grigny", commune="Grigny", departement=essonne)
    StructureFactory(name="Centre de ressources de l’Essonne", departement=essonne)
    local = urlsplit(live_server.url).hostname
    outside = []

    def only_local(route):
        if urlsplit(route.request.url).hostname == local:
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    page.goto(live_server.url + "/donnees-ouvertes/carte/")

    assert page.get_by_role("link", name="Forum de Grigny").is_visible()
    assert page.get_by_role("link", name="Centre de ressources de l’Essonne").is_visible()
    assert page.get_by_text("2 éléments").is_visible()
    page.locator(".leaflet-interactive").first.wait_for()
    assert page.locator(".leaflet-interactive").count() == 2  # Grigny, and the préfecture
    page.get_by_text("Le fond de carte ne se charge pas").wait_for()
    assert outside and all("tile.openstreetmap.org" in url for url in outside)
    page.get_by_role("link", name="Forum de Grigny").focus()
    screenshot("opendata-map-offline-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    screenshot("opendata-map-offline-390")
