"""The map's list and its GeoJSON show what the visitor may see, placed by commune (or
at the préfecture when only the département is known)."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from editorial.models.experience import ExperiencePage
from events.models import Event, Registration
from participation.spaces.api import Visibility
from structures.models import Structure
from taxonomy.models import Departement
from tests.factories import (
    CommentFactory,
    EventFactory,
    ExperienceIndexPageFactory,
    ExperiencePageFactory,
    StructureFactory,
    UserFactory,
    make_space,
)

pytestmark = pytest.mark.django_db
SENTINEL = "sentinelle-7f3a9c"
GEOJSON = reverse("opendata:map_geojson")
MAP = reverse("opendata:map")


def departement(code):
    return Departement.objects.select_related("region").get(code=code)


@pytest.fixture
def invited():
    return UserFactory()


@pytest.fixture
def items(invited):
    essonne = departement("91")
    private = make_space("Groupe restreint", visibility=Visibility.PRIVATE, memberships=[invited])
    EventFactory(title="Forum de Grigny", commune="Grigny", departement=essonne)
    EventFactory(title=f"Atelier {SENTINEL}", commune="Évry", departement=essonne, space=private)
    index = ExperienceIndexPageFactory()
    nord = departement("59")
    ExperiencePageFactory(
        parent=index,
        title="Jardins de l’Alma",
        commune="Roubaix",
        quartier="L’Alma-Gare",
        departement=nord,
        region=nord.region,
    )
    index.add_child(instance=ExperiencePage(title=f"Brouillon {SENTINEL}", live=False))
    bdr = departement("13")
    StructureFactory(name="Centre de ressources du Sud", departement=bdr, region=bdr.region)
    StructureFactory(name=f"Proposée {SENTINEL}", validated=False, departement=bdr)


def queries(client, url):
    """Queries of a page computed afresh (the list of items is cached between writes)."""
    cache.clear()
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def features(client, **query):
    data = client.get(GEOJSON, query).json()
    return {
        element["titre"]: (feature["geometry"]["coordinates"], feature["properties"])
        for feature in data["features"]
        for element in feature["properties"]["elements"]
    }


def test_list_and_geojson_show_what_the_visitor_sees(client, items, invited):
    found = features(client)

    assert set(found) == {"Forum de Grigny", "Jardins de l’Alma", "Centre de ressources du Sud"}
    assert found["Forum de Grigny"][0] == [2.3934, 48.6541]
    assert found["Jardins de l’Alma"][1]["precision"] == "commune"
    # Read as values, items link where their pages say.
    jardins = ExperiencePage.objects.get(title="Jardins de l’Alma")
    forum = Event.objects.get(title="Forum de Grigny")
    urls = {
        element["titre"]: element["url"]
        for _coordinates, properties in found.values()
        for element in properties["elements"]
    }
    assert jardins.url.startswith("/") and urls["Jardins de l’Alma"] == jardins.url
    assert urls["Forum de Grigny"] == forum.get_absolute_url()
    assert found["Centre de ressources du Sud"][1] == {
        "lieu": "Bouches-du-Rhône",
        "precision": "departement",
        "elements": [
            {
                "type": "Structure",
                "titre": "Centre de ressources du Sud",
                "url": "/structures/centre-de-ressources-du-sud/",
            }
        ],
    }
    assert SENTINEL not in client.get(MAP).text

    # Filters apply to the list and to the GeoJSON alike.
    assert set(features(client, type="retours")) == {"Jardins de l’Alma"}
    assert set(features(client, departement="13")) == {"Centre de ressources du Sud"}
    page = client.get(MAP, {"region": "32"}).text
    assert "Jardins de l’Alma" in page and "L’Alma-Gare" in page and "Grigny" not in page

    # Queries do not grow with the items.
    few = queries(client, MAP), queries(client, GEOJSON)
    for number in range(5):
        EventFactory(title=f"Réunion {number}", commune="Grigny", departement=departement("91"))
        StructureFactory(departement=departement("13"))
    assert (queries(client, MAP), queries(client, GEOJSON)) == few
    assert "Réunion 4" in client.get(MAP).text

    # The items are computed once, then kept until a table they read is written.
    with CaptureQueriesContext(connection) as captured:
        client.get(GEOJSON)
    assert len(captured) < few[1]
    EventFactory(
        title="Réunion de dernière minute", commune="Grigny", departement=departement("91")
    )
    assert "Réunion de dernière minute" in client.get(MAP).text
    assert "Réunion de dernière minute" in features(client)  # the GeoJSON text is kept too

    # A member invited to the private space sees its event, as on the agenda.
    client.force_login(invited)
    assert f"Atelier {SENTINEL}" in features(client)
    assert f"Atelier {SENTINEL}" in client.get(MAP).text


def counted(client, url):
    with CaptureQueriesContext(connection) as captured:
        text = client.get(url).text
    return len(captured), text


def test_map_stays_exact_and_private_items_stay_in_their_class(client, items, invited):
    # The invited member's class is computed first: nobody else gets its event.
    cache.clear()
    client.force_login(invited)
    assert f"Atelier {SENTINEL}" in client.get(MAP).text
    assert f"Atelier {SENTINEL}" in features(client)
    client.force_login(UserFactory())
    assert SENTINEL not in client.get(MAP).text and SENTINEL not in client.get(GEOJSON).text
    client.logout()
    assert SENTINEL not in client.get(MAP).text and SENTINEL not in client.get(GEOJSON).text

    # A write the map does not read (a registration, a comment) keeps every part cached.
    hit = counted(client, MAP)[0], counted(client, GEOJSON)[0]
    forum = Event.objects.get(title="Forum de Grigny")
    Registration.objects.create(event=forum, user=invited)
    CommentFactory(content_object=forum)
    cache_kept = counted(client, MAP), counted(client, GEOJSON)
    assert (cache_kept[0][0], cache_kept[1][0]) == hit

    # Writes it reads show at once, in the list and the GeoJSON.
    Event.objects.filter(pk=forum.pk).update(title="Forum de Grigny renommé")
    Structure.objects.filter(name="Centre de ressources du Sud").update(name="Centre du Sud")
    page = ExperiencePage.objects.get(title="Jardins de l’Alma")
    page.unpublish()
    assert (counted(client, MAP)[0], counted(client, GEOJSON)[0]) > hit
    found = features(client)
    assert {"Forum de Grigny renommé", "Centre du Sud"} <= set(found)
    assert not {"Forum de Grigny", "Centre de ressources du Sud", "Jardins de l’Alma"} & set(found)
    listing = client.get(MAP).text
    assert "Forum de Grigny renommé" in listing and "Jardins de l’Alma" not in listing


def test_bad_filters_get_a_french_message(client):
    page = client.get(MAP, {"departement": "zz", "type": "tout"})
    data = client.get(GEOJSON, {"departement": "zz"})

    assert page.status_code == 400 and "Un filtre choisi n’existe pas" in page.text
    assert data.status_code == 400 and data.json()["erreurs"]
