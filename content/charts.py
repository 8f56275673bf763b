"""Counts drawn as accessible bar charts, with the protection of small groups.

The panorama of actors and the survey results both publish counts of people. A count under
`SMALL_GROUP` could point at someone (“the only délégué du préfet of this département who
works part time”), so such a cell reads “moins de 5” everywhere the figure goes: chart,
table and CSV. When the cells add up to a published total, one hidden cell could be
recomputed by subtraction; the smallest shown cell is then hidden too (secondary
suppression). A group whose total is under `SMALL_GROUP` shows no figure at all.

The chart is drawn on the server as SVG (no script, no external library) with its values
written as text, so that it reads without colour, and always comes with its data table.
"""

import hashlib
from dataclasses import dataclass

from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

SMALL_GROUP = 5
SMALL_GROUP_LABEL = _("moins de 5")

# Geometry of the SVG, in its own units (it scales to the width of its container).
WIDTH = 600
ROW_HEIGHT = 44
BAR_HEIGHT = 16
LABEL_GAP = 18
VALUE_ROOM = 110


def suppressed(count):
    """Whether a count of people is too small to be published."""
    return count is None or count < SMALL_GROUP


def display_count(count):
    """The text of a count: the number, or “moins de 5”."""
    return (
        str(SMALL_GROUP_LABEL) if suppressed(count) else number_format(count, force_grouping=True)
    )


@dataclass(frozen=True)
class Bar:
    label: str
    count: int | None  # None when hidden
    share: float | None  # percent of the total, None when hidden
    y: int
    width: float  # bar length, in SVG units

    @property
    def display(self):
        return display_count(self.count)

    @property
    def label_y(self):
        return self.y + 12

    @property
    def bar_y(self):
        return self.y + LABEL_GAP

    @property
    def value_x(self):
        return self.width + 8

    @property
    def value_y(self):
        return self.bar_y + BAR_HEIGHT - 3


def _hidden_cells(counts, total):
    """Indexes of the cells to hide: the small ones, plus the smallest shown one when a
    single hidden cell could be recomputed from the total."""
    if suppressed(total):
        return set(range(len(counts)))
    hidden = {index for index, count in enumerate(counts) if suppressed(count)}
    if sum(counts) == total and len(hidden) == 1:
        shown = [index for index in range(len(counts)) if index not in hidden]
        if shown:
            hidden.add(min(shown, key=lambda index: counts[index]))
    return hidden


class BarChart:
    """A horizontal bar chart of counts of people, small counts hidden.

    `rows` is a list of (label, count); `total` the number of people the shares are
    computed on (defaults to the sum of the counts, which suits exclusive categories; for
    multiple-choice questions pass the number of respondents)."""

    def __init__(self, title, description, rows, total=None):
        self.title = title
        self.description = description
        labels = [str(label) for label, _count in rows]
        counts = [int(count or 0) for _label, count in rows]
        self.total = sum(counts) if total is None else total
        hidden = _hidden_cells(counts, self.total)
        self.suppressed_total = suppressed(self.total)
        widest = max([count for index, count in enumerate(counts) if index not in hidden] or [0])
        self.rows = []
        for index, (label, count) in enumerate(zip(labels, counts, strict=True)):
            shown = index not in hidden
            share = round(100 * count / self.total, 1) if shown and self.total else None
            length = (WIDTH - VALUE_ROOM) * count / widest if shown and widest else 0
            self.rows.append(
                Bar(
                    label=label,
                    count=count if shown else None,
                    share=share,
                    y=index * ROW_HEIGHT,
                    width=round(length, 1),
                )
            )

    @property
    def height(self):
        return max(len(self.rows), 1) * ROW_HEIGHT

    @property
    def width(self):
        return WIDTH

    @property
    def bar_height(self):
        return BAR_HEIGHT

    @property
    def total_display(self):
        return display_count(self.total)

    @property
    def dom_id(self):
        """A stable id for the title and description the SVG points at."""
        digest = hashlib.blake2s(f"{self.title}|{self.description}".encode(), digest_size=4)
        return f"chart-{digest.hexdigest()}"


def csv_header():
    return [str(_("Modalité")), str(_("Effectif")), str(_("Part (%)"))]


def csv_rows(chart):
    """The chart's rows for a CSV export, with the same cells hidden as on the page."""
    return [[bar.label, bar.display, "" if bar.share is None else bar.share] for bar in chart.rows]
