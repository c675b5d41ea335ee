"""Argument weights by role as a heat map: which themes each role found weighty, for and against.

Each cell carries its number (mean weight and how many weights it averages), so the map reads
in black and white and for colour-blind readers; a cell no one weighed says so instead of
showing a colour that would look like a weight of 0.
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.colors import LinearSegmentedColormap

from gui.plots.style import ChartStyle, prepare_axes, show_message, wrapped
from gui.plots.table import ChartTable
from scenario.classroom import WeightMatrix

TITLE = "Argument weights by role"
MAX_WEIGHT = 5


def role_weights_table(matrix: WeightMatrix) -> ChartTable:
    rows = []
    for r, role in enumerate(matrix.roles):
        for c, column in enumerate(matrix.columns):
            if matrix.count[r, c]:
                rows.append((role, column, round(float(matrix.mean[r, c]), 2), int(matrix.count[r, c])))
    return ChartTable(TITLE, ("Role", "Side and theme", "Mean weight (0-5)", "Weights given"), tuple(rows))


def draw_role_weights(ax: Axes, matrix: WeightMatrix, style: ChartStyle) -> ChartTable:
    if not matrix.count.any():
        show_message(ax, style, TITLE, "No student has weighed an argument yet.")
        return ChartTable(TITLE, (), ())
    shade = "lighter" if style.dark else "darker"
    prepare_axes(ax, style, TITLE, f"Side and theme (mean weight 0-{MAX_WEIGHT}; {shade} is weightier)", "Role")
    ax.grid(False)
    ax.imshow(np.ma.masked_invalid(matrix.mean), cmap=_shades(style), vmin=0, vmax=MAX_WEIGHT, aspect="auto")
    for r in range(len(matrix.roles)):
        for c in range(len(matrix.columns)):
            count = int(matrix.count[r, c])
            if count:
                ax.text(c, r, f"{matrix.mean[r, c]:.1f}\nn={count}", ha="center", va="center",
                        color=style.foreground, fontsize=style.font_size)
            else:
                ax.text(c, r, "not\nweighed", ha="center", va="center", color=style.muted, fontsize=style.font_size - 1)
    ax.set_xticks(range(len(matrix.columns)), [wrapped(c, 16) for c in matrix.columns])
    ax.set_yticks(range(len(matrix.roles)), [wrapped(r, 20) for r in matrix.roles])
    ax.tick_params(axis="x", labelrotation=0)
    return role_weights_table(matrix)


def _shades(style: ChartStyle) -> LinearSegmentedColormap:
    """Greys from the background to a middle grey, so the cell text keeps its contrast at every weight."""
    return LinearSegmentedColormap.from_list("weights", [style.background, "#6A6A6A" if style.dark else "#A0A0A0"])
