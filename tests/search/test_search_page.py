"""The /recherche/ page and its suggestions, as a plain GET form."""

import pytest
from django.urls import reverse

from taxonomy.models import Region, Thematique

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory(make_profile):
    sante = Thematique.objects.get(slug="sante")
    emploi = Thematique.objects.get(slug="developpement-economique-et-emploi")
    idf = Region.objects.get(name="Île-de-France")
    make_profile(
        "Inès Garnier",
        job_title="Cheffe de projet politique de la ville",
        bio="J’anime l’atelier santé ville de Bobigny.",
        region=idf,
        thematiques=[sante],
    )
    make_profile("Marc Petit", job_title="Chargé de mission emploi", thematiques=[emploi, sante])


def test_results_show_type_thematiques_and_highlighted_excerpt(directory, client):
    response = client.get(reverse("search:search"), {"q": "atelier sante"})
    html = response.content.decode()

    assert response.status_code == 200
    assert "1 résultat" in html
    assert "Inès Garnier" in html and "Marc Petit" not in html
    assert '<span class="tag">Membre</span>' in html
    assert '<li class="tag">Santé</li>' in html
    assert "<mark>atelier</mark>" in html and "<mark>santé</mark>" in html


def test_facets_count_and_filter_by_thematique_and_territory(directory, client):
    html = client.get(reverse("search:search"), {"q": "mission projet"}).content.decode()
    assert "0 résultat" in html  # both words must match

    html = client.get(reverse("search:search")).content.decode()
    assert 'Santé <span class="search-facets__count">(2)</span>' in html
    assert 'Île-de-France <span class="search-facets__count">(1)</span>' in html

    filtered = client.get(
        reverse("search:search"), {"thematique": "developpement-economique-et-emploi"}
    ).content.decode()
    assert "Marc Petit" in filtered and "Inès Garnier" not in filtered
    assert "is-selected" in filtered

    by_region = client.get(reverse("search:search"), {"territory": "region:11"}).content.decode()
    assert "Inès Garnier" in by_region and "Marc Petit" not in by_region

    # Facet names come from the exact cache: a renamed thématique shows at once.
    Thematique.objects.filter(slug="sante").update(name="Santé sentinelle-5c2e8a")
    renamed = client.get(reverse("search:search")).content.decode()
    assert 'Santé sentinelle-5c2e8a <span class="search-facets__count">(2)</span>' in renamed


def test_typo_offers_a_did_you_mean_link(directory, client):
    html = client.get(reverse("search:search"), {"q": "atelir"}).content.decode()

    assert "Vouliez-vous dire « " in html
    assert 'href="?q=atelier"' in html


def test_unknown_or_malformed_parameters_are_ignored(directory, client):
    response = client.get(
        reverse("search:search"),
        {"q": "santé", "kind": "inconnu", "page": "abc", "year": "<script>", "sort": "x"},
    )

    assert response.status_code == 200
    assert "1 résultat" in response.content.decode()


def test_suggestions_fragment_lists_matching_titles(directory, client):
    html = client.get(reverse("search:suggest"), {"q": "ines gar"}, HTTP_HX_REQUEST="true")

    assert "Inès Garnier" in html.content.decode()
    assert "<html" not in html.content.decode()
    assert client.get(reverse("search:suggest"), {"q": "i"}).content.decode().strip() == ""


def test_header_has_a_search_box_that_works_without_javascript(client):
    html = client.get(reverse("search:search")).content.decode()

    assert 'role="search"' in html
    assert f'action="{reverse("search:search")}"' in html
    assert f'hx-get="{reverse("search:suggest")}"' in html


def test_pagination_keeps_the_query(make_profile, client):
    for n in range(25):
        make_profile(f"Membre {n:02d}", job_title="Médiatrice")

    html = client.get(reverse("search:search"), {"q": "médiatrice"}).content.decode()
    second = client.get(reverse("search:search"), {"q": "médiatrice", "page": 2}).content.decode()

    assert "25 résultats" in html and "Page 1 sur 2" in html
    assert "?q=m%C3%A9diatrice&amp;page=2" in html
    assert second.count('class="card search-hit"') == 5


@pytest.mark.parametrize("count", [5, 25])
def test_search_page_makes_a_constant_number_of_queries(
    make_profile, client, django_assert_max_num_queries, count
):
    """25 matches fill the first page (20 hits) and start a second: a query per hit
    would pass the budget."""
    sante = Thematique.objects.get(slug="sante")
    region = Region.objects.get(name="Île-de-France")
    for n in range(count):
        make_profile(f"Médiateur {n}", job_title="Médiateur", thematiques=[sante], region=region)

    # 8 for the search, its facets and their names; the rest is the site's layout.
    with django_assert_max_num_queries(20):
        client.get(reverse("search:search"), {"q": "médiateur", "thematique": "sante"})
    with django_assert_max_num_queries(20):
        client.get(reverse("search:search"), {"q": "mediatuer"})


def test_one_typo_among_several_words_still_gets_a_did_you_mean(make_profile, client):
    make_profile("Lou Martin", job_title="Cheffe de projet renouvellement urbain")

    html = client.get(reverse("search:search"), {"q": "renouvellement urbian"}).content.decode()

    assert "0 résultat" in html
    assert (
        'Vouliez-vous dire « <a href="?q=renouvellement%20urbain">renouvellement urbain</a> » ?'
        in html
    )


def test_facets_come_first_in_a_details_and_excerpts_are_capped(make_profile, client):
    make_profile("Lou Martin", job_title="Cheffe de projet", bio="Quartiers. " * 200)

    html = client.get(reverse("search:search"), {"q": "quartiers"}).content.decode()

    assert html.index('<details class="search-facets__toggle"') < html.index("search-results")
    excerpt = html.split('class="search-hit__excerpt">')[1].split("</p>")[0]
    assert len(excerpt.replace("<mark>", "").replace("</mark>", "")) <= 300


def test_search_box_is_an_aria_combobox_and_its_suggestions_a_listbox(directory, client):
    html = client.get(reverse("search:search")).content.decode()
    assert 'role="combobox"' in html and 'aria-controls="search-q-listbox"' in html
    assert 'aria-expanded="false"' in html and "search/combobox.js" in html

    fragment = client.get(
        reverse("search:suggest"), {"q": "ines"}, HTTP_HX_REQUEST="true", HTTP_HX_TRIGGER="search-q"
    ).content.decode()
    assert 'role="listbox" id="search-q-listbox"' in fragment
    assert 'role="option" id="search-q-option-1"' in fragment and "Inès Garnier" in fragment
