"""The four class charts as one list, with the height each needs: shared by the class window and the class report.

Heights grow with what a chart lists (assumptions, side-and-theme rows, questions), because
wrapped pack labels need their lines; a fixed grid made a real pack's labels collide.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from matplotlib.axes import Axes

from gui.plots.calibration import draw_calibration
from gui.plots.class_assumptions import draw_class_assumptions
from gui.plots.class_forecasts import draw_class_forecasts
from gui.plots.role_weights import draw_role_weights
from gui.plots.style import ChartStyle
from gui.plots.table import ChartTable
from scenario.classroom import ClassAggregate


class ClassFigure(NamedTuple):
    title: str
    draw: Callable[[Axes, ClassAggregate, ChartStyle], ChartTable]
    height: Callable[[ClassAggregate], float]  # inches, for a figure about 7 inches wide
    table_in_report: bool = True  # False when the chart writes every number on itself (a table would repeat it)


def _height(rows: int, per_row: float, extra: float = 1.6) -> float:
    return max(3.2, extra + per_row * rows)


CLASS_FIGURES = (
    ClassFigure("Class assumptions", lambda ax, r, s: draw_class_assumptions(ax, r.assumptions, s),
                lambda r: _height(sum(1 for a in r.assumptions if a.values), 0.55)),
    ClassFigure("Argument weights by role", lambda ax, r, s: draw_role_weights(ax, r.weights, s),
                lambda r: _height(len(r.weights.columns), 0.42, extra=3.0), table_in_report=False),
    ClassFigure("Forecasts, class average and outcome", lambda ax, r, s: draw_class_forecasts(ax, r.questions, s),
                lambda r: _height(sum(1 for q in r.questions if q.forecasts), 0.7)),
    ClassFigure("Calibration of resolved forecasts", lambda ax, r, s: draw_calibration(ax, r.calibration, s), lambda r: 4.2),
)
