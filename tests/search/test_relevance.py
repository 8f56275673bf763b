"""French matching and ranking on the default (PostgreSQL) backend."""

import pytest

from search.backends import get_backend
from search.backends.base import SearchRequest

pytestmark = pytest.mark.django_db


def titles(text, **request):
    return [hit.title for hit in get_backend().search(SearchRequest(text=text, **request)).hits]


def test_accents_are_ignored_both_ways(make_page):
    make_page("Évaluation des contrats de ville")
    make_page("Tranquillite publique", "Une demarche menee avec les habitants.")

    assert titles("evaluation") == ["Évaluation des contrats de ville"]
    assert titles("ÉVALUATION") == ["Évaluation des contrats de ville"]
    assert titles("démarche menée") == ["Tranquillite publique"]


def test_plural_singular_and_verb_forms_match_through_french_stemming(make_page):
    make_page("Quartiers prioritaires", "La participation des habitants aux conseils citoyens.")
    make_page("Contrats de ville", "Comment évaluer les actions menées.")

    assert titles("quartier prioritaire") == ["Quartiers prioritaires"]
    assert titles("participer") == ["Quartiers prioritaires"]
    assert titles("habitant conseil citoyen") == ["Quartiers prioritaires"]
    assert titles("évaluations") == ["Contrats de ville"]


def test_stop_words_are_ignored(make_page):
    make_page("Politique ville et emploi")

    assert titles("la politique de la ville") == ["Politique ville et emploi"]


def test_a_typo_finds_nothing_but_offers_the_right_word(make_page):
    make_page("Évaluation des contrats de ville")

    results = get_backend().search(SearchRequest(text="evaluaton contrats"))

    assert results.total == 0
    assert results.suggestion == "évaluation contrats"
    assert titles(results.suggestion) == ["Évaluation des contrats de ville"]


def test_title_match_ranks_above_body_match(make_page):
    make_page("Rapport annuel", "Un chapitre sur les jardins partagés des quartiers.")
    make_page("Jardins partagés", "Un guide pratique.")

    assert titles("jardins partagés") == ["Jardins partagés", "Rapport annuel"]


def test_recent_content_is_slightly_boosted(make_page):
    make_page("Mobilité des jeunes", "Une étude.", days_ago=900)
    make_page("Mobilité des habitants", "Une étude.", days_ago=2)

    assert titles("mobilité étude") == ["Mobilité des habitants", "Mobilité des jeunes"]


def test_sort_by_date_puts_newest_first(make_page):
    make_page("Emploi des jeunes", "emploi emploi emploi", days_ago=30)
    make_page("Note", "emploi", days_ago=1)

    assert titles("emploi", sort="date") == ["Note", "Emploi des jeunes"]


def test_excerpt_highlights_matches_and_escapes_everything_else(make_page):
    make_page("Renouvellement", "Budget < 5 M€ & <b>rénovation</b> urbaine du quartier.")

    (hit,) = get_backend().search(SearchRequest(text="renovation")).hits

    assert "<mark>rénovation</mark>" in hit.excerpt_html
    assert "&lt; 5 M€ &amp;" in hit.excerpt_html
    assert "<b>" not in hit.excerpt_html


def test_autocomplete_suggests_titles_from_the_first_letters(make_page):
    make_page("Évaluation des contrats de ville")
    make_page("Emploi des jeunes")

    suggestions = get_backend().suggest("contrats eval", ["public"])

    assert [s.title for s in suggestions] == ["Évaluation des contrats de ville"]
