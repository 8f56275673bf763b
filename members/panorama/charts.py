"""The panorama's figures as charts (`content.charts.BarChart`), small counts hidden.

A group under five people (after filtering by région or structure type) shows no figure
at all, every chart included (`BarChart` hides every cell when its total is small):
combining filters must never single anyone out."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from content.charts import BarChart, suppressed

# (key in the figures, title, description, multiple choice: counts do not add up)
DIMENSIONS = [
    (
        "structure_type",
        _("Types de structure"),
        _("Nombre de membres du panorama par type de structure employeuse."),
        False,
    ),
    ("region", _("Régions"), _("Nombre de membres du panorama par région."), False),
    (
        "missions",
        _("Missions exercées"),
        _("Nombre de membres exerçant chaque mission ; un membre peut en cocher plusieurs."),
        True,
    ),
    (
        "thematiques",
        _("Thématiques d’intérêt"),
        _("Nombre de membres intéressés par chaque thématique ; plusieurs choix possibles."),
        True,
    ),
    (
        "time_share",
        _("Temps consacré à la politique de la ville"),
        _("Part du temps de travail consacrée à la politique de la ville."),
        False,
    ),
    (
        "team_size",
        _("Taille des équipes"),
        _("Nombre de personnes portant ces missions dans la structure du membre."),
        False,
    ),
]
DEPARTEMENTS = (
    "departement",
    _("Départements"),
    _("Nombre de membres du panorama par département."),
)


@dataclass
class Panorama:
    total: int
    charts: dict  # key -> BarChart, in the order of DIMENSIONS
    departements: BarChart
    departement_codes: list  # the code of each row of `departements`

    @property
    def suppressed_total(self):
        return suppressed(self.total)

    def all_charts(self):
        """Every aggregate, the département one included, for the CSV export."""
        return [*self.charts.values(), self.departements]


def build_panorama(figures):
    """Charts from figures (live or frozen). Exclusive dimensions add up to the total
    (their “Non renseigné” row included), so a lone hidden cell gets its partner hidden;
    multiple-choice ones are shared out of the total."""
    total = figures["total"]
    charts = {
        key: BarChart(title, description, figures[key], total=total if multiple else None)
        for key, title, description, multiple in DIMENSIONS
    }
    key, title, description = DEPARTEMENTS
    rows = [(f"{name} ({code})" if code else name, count) for code, name, count in figures[key]]
    return Panorama(
        total=total,
        charts=charts,
        departements=BarChart(title, description, rows),
        departement_codes=[code for code, _name, _count in figures[key]],
    )
