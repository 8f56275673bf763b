"""The agenda and news widgets: escaped, filtered, framed only where meant to be."""

import pytest
from django.urls import reverse

from participation.spaces.api import Visibility
from taxonomy.models import Departement
from tests.factories import (
    EventFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ThematiqueFactory,
    make_space,
)

pytestmark = pytest.mark.django_db
SENTINEL = "sentinelle-7f3a9c"


def frame(kind="agenda"):
    return reverse("opendata:widget_frame", args=[kind])


def fragment(kind="agenda"):
    return reverse("opendata:widget_fragment", args=[kind])


@pytest.fixture
def events():
    nord = Departement.objects.get(code="59")
    EventFactory(title='<script>alert("x")</script> Rencontre du Nord', departement=nord)
    EventFactory(title="Rencontre du Pas-de-Calais", departement=Departement.objects.get(code="62"))
    private = make_space("Groupe restreint", visibility=Visibility.PRIVATE)
    EventFactory(title=f"Atelier {SENTINEL}", departement=nord, space=private)


def test_framed_agenda_is_escaped_filtered_and_framable(settings, client, events):
    settings.MAILLAGE_PAGE_CACHE_SECONDS = 60  # a cached copy keeps its headers
    client.get(frame(), {"departement": "59"})
    response = client.get(frame(), {"departement": "59"})

    assert response.status_code == 200
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; Rencontre du Nord" in response.text
    assert "<script>alert" not in response.text
    assert "Pas-de-Calais" not in response.text and SENTINEL not in response.text
    assert 'href="http://testserver/agenda/' in response.text  # absolute links
    assert response.headers["X-Page-Cache"] == "hit"
    assert "X-Frame-Options" not in response.headers
    assert "frame-ancestors *" in response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in response.headers["Content-Security-Policy"]


def test_fragment_is_bare_html_and_other_pages_stay_unframable(client, events):
    response = client.get(fragment(), {"region": "32", "nombre": "1"})

    assert response.status_code == 200
    assert "<html" not in response.text and "<section" in response.text
    assert response.text.count('class="maillage-widget__item"') == 1
    assert SENTINEL not in response.text
    for other in (fragment(), reverse("opendata:widgets"), reverse("opendata:index")):
        headers = client.get(other).headers
        assert headers["X-Frame-Options"] in {"DENY", "SAMEORIGIN"}
        assert "frame-ancestors 'self'" in headers["Content-Security-Policy"]


@pytest.mark.parametrize(
    "query",
    [
        {"departement": "zz"},
        {"thematique": "<b>inconnue</b>"},
        {"nombre": "beaucoup"},
        {"nombre": "500"},
        {"region": "32", "departement": "13"},
    ],
)
def test_bad_filters_get_a_french_message(client, query):
    response = client.get(frame(), query)

    assert response.status_code == 400
    assert "Ce widget est mal configuré" in response.text
    assert "<b>inconnue" not in response.text


def test_unknown_widget_is_a_404(client):
    assert client.get(frame("meteo")).status_code == 404


def test_news_widget_filters_by_thematique(client):
    sante = ThematiqueFactory(name="Santé", slug="sante")
    index = NewsIndexPageFactory()
    NewsPageFactory(parent=index, title="Le point santé", thematiques=[sante])
    NewsPageFactory(parent=index, title="Le point emploi")

    text = client.get(fragment("actualites"), {"thematique": "sante"}).text

    assert "Le point santé" in text and "Le point emploi" not in text
    assert 'href="http://testserver/actualites/' in text


def test_generator_gives_the_iframe_and_fragment_codes(client):
    response = client.get(
        reverse("opendata:widgets"), {"kind": "agenda", "departement": "59", "nombre": "3"}
    )

    assert response.status_code == 200
    assert (
        '&lt;iframe src="http://testserver/donnees-ouvertes/widgets/agenda/cadre/'
        '?departement=59&amp;nombre=3"' in response.text
    )
    assert 'value="http://testserver/donnees-ouvertes/widgets/agenda/fragment/?departement=59' in (
        response.text
    )
    bad = client.get(reverse("opendata:widgets"), {"departement": "zz"})
    assert bad.status_code == 200 and "Corrigez les choix signalés" in bad.text
