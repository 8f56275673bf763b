"""Small groups stay hidden in every chart, table and CSV row, and the chart reads without
colour: its values are written as text beside the bars."""

from django.template.loader import render_to_string

from content.charts import BarChart, csv_rows


def test_counts_under_five_read_moins_de_5_and_have_no_share():
    chart = BarChart("Structures", "Par type", [("EPCI", 12), ("Commune", 7), ("Bailleur", 4)])

    assert [(bar.label, bar.count, bar.display) for bar in chart.rows] == [
        ("EPCI", 12, "12"),
        ("Commune", None, "moins de 5"),
        ("Bailleur", None, "moins de 5"),
    ]
    assert chart.rows[2].share is None


def test_a_single_hidden_cell_hides_the_smallest_shown_one_when_cells_add_up_to_the_total():
    """Otherwise 23 − 12 − 7 would give the hidden 4 back."""
    chart = BarChart("Structures", "Par type", [("EPCI", 12), ("Commune", 7), ("Bailleur", 4)])
    assert chart.total == 23 and chart.total_display == "23"
    assert [bar.count for bar in chart.rows] == [12, None, None]


def test_multiple_choice_rows_keep_their_shown_cells_and_shares_on_the_respondents():
    chart = BarChart("Missions", "Choix multiples", [("NPNRU", 8), ("GUSP", 3)], total=10)
    assert [bar.count for bar in chart.rows] == [8, None]
    assert chart.rows[0].share == 80.0


def test_a_group_under_five_shows_no_figure_at_all():
    chart = BarChart("Guyane", "Par type", [("EPCI", 3), ("Commune", 1)])
    assert chart.suppressed_total and chart.total_display == "moins de 5"
    assert all(bar.count is None and bar.share is None for bar in chart.rows)
    html = render_to_string("content/includes/bar_chart.html", {"chart": chart})
    assert ">3<" not in html and ">1<" not in html and ">4<" not in html


def test_the_csv_rows_hide_the_same_cells():
    chart = BarChart("Structures", "Par type", [("EPCI", 12), ("=Commune", 2)], total=14)
    assert csv_rows(chart) == [["EPCI", "moins de 5", ""], ["=Commune", "moins de 5", ""]]


def test_the_svg_has_a_title_a_description_and_its_values_as_text_beside_a_data_table():
    chart = BarChart(
        "Temps consacré", "Part du temps de travail", [("Plein temps", 9), ("Mi-temps", 6)]
    )
    html = render_to_string("content/includes/bar_chart.html", {"chart": chart})

    assert (
        'role="img"' in html
        and f'aria-labelledby="{chart.dom_id}-title {chart.dom_id}-desc"' in html
    )
    assert "<title" in html and "Part du temps de travail</desc>" in html
    assert ">9 (60\u202f%)</text>" in html and ">6 (40\u202f%)</text>" in html
    assert '<th scope="row">Plein temps</th><td>9</td>' in html
    # SVG lengths use a dot whatever the language of the page.
    assert 'width="490.0"' in html and 'width="326.7"' in html
