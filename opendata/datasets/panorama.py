"""The panorama of the network's members as open data: the same aggregates as the
panorama's page and CSV, with the same small counts hidden (“moins de 5”)."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from content.charts import csv_rows
from members.panorama.charts import build_panorama
from members.panorama.figures import compute_figures
from opendata.registry import Column

PANORAMA_COLUMNS = [
    Column("indicateur", gettext_lazy("Ce qui est compté (types de structure, régions…).")),
    Column("modalite", gettext_lazy("La catégorie comptée.")),
    Column(
        "effectif",
        gettext_lazy(
            "Nombre de membres ayant accepté de figurer au panorama ; « moins de 5 » pour un "
            "petit effectif, et toute cellule qui permettrait de le recalculer."
        ),
    ),
    Column("part_pourcentage", gettext_lazy("Part du total, en pour cent ; vide si masquée.")),
]


def panorama_rows():
    result = build_panorama(compute_figures())
    yield (_("Ensemble"), _("Membres du panorama"), result.departements.total_display, None)
    for chart in result.all_charts():
        for row in csv_rows(chart):
            yield (str(chart.title), *row)
