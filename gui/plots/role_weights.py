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
SIDE_BY_SIDE = 5  # roles whose names fit upright across the top


def role_weights_table(matrix: WeightMatrix) -> ChartTable:
    rows = []
    for r, role in enumerate(matrix.roles):
        for c, column in enumerate(matrix.columns):
            if matrix.count[r, c]:
                rows.append((role, column, round(float(matrix.mean[r, c]), 2), int(matrix.count[r, c])))
    return ChartTable(TITLE, ("Role", "Side and theme", "Mean weight (0-5)", "Weights given"), tuple(rows))


def draw_role_weights(ax: Axes, matrix: WeightMatrix, style: ChartStyle) -> ChartTable:
    """Side-and-theme rows, role columns: a pack has more themes than roles, and rows take long labels."""
    if not matrix.count.any():
        show_message(ax, style, TITLE, "No student has weighed an argument yet.")
        return ChartTable(TITLE, (), ())
    shade = "lighter" if style.dark else "darker"
    prepare_axes(ax, style, TITLE, f"Role (cells: mean weight 0-{MAX_WEIGHT}, {shade} is weightier; n = weights given)", "Side and theme")
    ax.grid(False)
    ax.imshow(np.ma.masked_invalid(matrix.mean.T), cmap=_shades(style), vmin=0, vmax=MAX_WEIGHT, aspect="auto")
    for r in range(len(matrix.roles)):
        for c in range(len(matrix.columns)):
            count = int(matrix.count[r, c])
            if count:
                ax.text(r, c, f"{matrix.mean[r, c]:.1f}\nn={count}", ha="center", va="center",
                        color=style.foreground, fontsize=style.font_size - 1)
            else:
                ax.text(r, c, "none", ha="center", va="center", color=style.muted, fontsize=style.font_size - 1)
    ax.set_yticks(range(len(matrix.columns)), [wrapped(c, 34) for c in matrix.columns])
    slanted = len(matrix.roles) > SIDE_BY_SIDE
    ax.set_xticks(range(len(matrix.roles)), [_shortened(r) if slanted else wrapped(r, 14) for r in matrix.roles])
    ax.xaxis.tick_top()  # role names stay in view above a tall map that scrolls
    ax.xaxis.set_label_position("top")
    if slanted:  # many roles: upright labels would run into each other on a page-wide chart
        for label in ax.get_xticklabels():
            label.set(rotation=45, ha="left", rotation_mode="anchor")
    ax.tick_params(axis="y", labelsize=style.font_size - 0.5)
    ax.tick_params(axis="x", labelsize=style.font_size - 0.5)
    return role_weights_table(matrix)


def _shortened(label: str, width: int = 32) -> str:
    """One line, so slanted labels do not overlap; the table under the chart has the full names."""
    return label if len(label) <= width else label[: width - 1].rstrip() + "…"


def _shades(style: ChartStyle) -> LinearSegmentedColormap:
    """Greys from the background to a middle grey, so the cell text keeps its contrast (4.5:1) at every weight."""
    return LinearSegmentedColormap.from_list("weights", [style.background, "#646464" if style.dark else "#A0A0A0"])
