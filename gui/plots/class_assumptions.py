"""The class's assumptions side by side: one box per assumption, over where in its range students put it.

Assumptions have different units, so each is placed on one shared axis by its position within
its own min-max range (probabilities with a 0-1 range therefore read as themselves), and the
tick label gives the real range. With a small class every student's value is shown as a point
too, since a box of five values hides more than it shows.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes
from matplotlib.ticker import PercentFormatter

from gui.plots.style import ChartStyle, add_legend, prepare_axes, show_message, wrapped
from gui.plots.table import ChartTable
from scenario.classroom import AssumptionSpread
from scenario.model import Assumption

TITLE = "Class assumptions"
POINTS_UP_TO = 60  # students; beyond this the points become a blot and the box says it better


def _range(a: Assumption) -> str:
    if a.kind == "probability":
        return f"{a.min * 100:g}% to {a.max * 100:g}%"
    return f"{a.min:g} to {a.max:g} {a.unit}".rstrip()


def _shown(spreads: Sequence[AssumptionSpread]) -> list[AssumptionSpread]:
    return [s for s in spreads if s.values]


def class_assumptions_table(spreads: Sequence[AssumptionSpread]) -> ChartTable:
    """Probabilities in percent (as the app shows them everywhere), other values in their unit; the last column says which."""
    def stats(a: Assumption, values: tuple[float, ...]) -> tuple[float, ...]:
        scale = 100 if a.kind == "probability" else 1
        low, q1, median, q3, high = np.percentile(values, [0, 25, 50, 75, 100])
        return tuple(round(float(v) * scale, 2 if scale == 100 else 4) for v in (low, q1, median, q3, high, np.mean(values)))

    return ChartTable(
        TITLE,
        ("Assumption", "Range", "Students", "Lowest", "Lower quartile", "Median", "Upper quartile", "Highest", "Mean", "Unit"),
        tuple((s.assumption.label, _range(s.assumption), len(s.values), *stats(s.assumption, s.values), _unit(s.assumption))
              for s in _shown(spreads)),
    )


def _unit(a: Assumption) -> str:
    return "%" if a.kind == "probability" else a.unit


def draw_class_assumptions(ax: Axes, spreads: Sequence[AssumptionSpread], style: ChartStyle) -> ChartTable:
    shown = _shown(spreads)
    if not shown:
        show_message(ax, style, TITLE, "No student has set an assumption yet.")
        return ChartTable(TITLE, (), ())
    prepare_axes(ax, style, TITLE, "Position within the assumption's range (%)", "Assumption (students who set it)")
    positions = [np.subtract(s.values, s.assumption.min) / (s.assumption.max - s.assumption.min) for s in shown]
    ys = np.arange(len(shown))
    ax.boxplot(positions, positions=ys, orientation="horizontal", widths=0.5, patch_artist=True, showmeans=True,
               boxprops=dict(facecolor=style.background, edgecolor=style.foreground, hatch="///"),
               medianprops=dict(color=style.foreground, linewidth=2), whiskerprops=dict(color=style.foreground),
               capprops=dict(color=style.foreground), flierprops=dict(marker="x", markeredgecolor=style.muted),
               meanprops=dict(marker="D", markerfacecolor=style.colour(1), markeredgecolor=style.foreground))
    if max(len(s.values) for s in shown) <= POINTS_UP_TO:
        for y, xs in zip(ys, positions):
            jitter = (np.arange(len(xs)) % 5 - 2) * 0.06  # fixed, so a redraw does not shuffle the points
            ax.scatter(xs, y + 0.32 + jitter * 0.5, marker="o", s=12, facecolors="none", edgecolors=style.colour(0), zorder=3,
                       label="One student" if y == 0 else None)
    ax.plot([], [], "D", color=style.colour(1), markeredgecolor=style.foreground, label="Mean")
    ax.plot([], [], "-", color=style.foreground, linewidth=2, label="Median (box: middle half)")
    ax.set_yticks(ys, [f"{wrapped(s.assumption.label, 28)}\n{_range(s.assumption)} (n={len(s.values)})" for s in shown])
    ax.set_ylim(len(shown) - 0.4, -0.6)
    ax.set_xlim(-0.03, 1.03)
    ax.xaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
    add_legend(ax, style, columns=3)
    return class_assumptions_table(spreads)
