"""How the student's assumptions moved over the exercise: one line per assumption, by snapshot date.

Assumptions with different units cannot share a y axis honestly, so the scale is chosen from
what is shown: probabilities in percent; one shared unit as is; otherwise each assumption as
its position within its own min-max range. A snapshot lacks an assumption the student had not
set then, which means it stood at the pack default.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from matplotlib.axes import Axes
from matplotlib.dates import date2num
from matplotlib.ticker import PercentFormatter

from gui.plots.style import ChartStyle, add_legend, date_axis, prepare_axes, show_message
from gui.plots.table import ChartTable
from scenario.model import Assumption
from scenario.record import Snapshot

TITLE = "How your assumptions moved"


def _value(snapshot: Snapshot, assumption: Assumption) -> float:
    return snapshot.values.get(assumption.id, assumption.default)


def _scale(assumptions: Sequence[Assumption]) -> tuple[str, Callable[[Assumption, float], float], bool]:
    """The y label, how a value maps onto the y axis, and whether that axis is a percentage."""
    if all(a.kind == "probability" for a in assumptions):
        return "Probability (%)", lambda a, v: v, True
    units = {a.unit for a in assumptions}
    if len(units) == 1:
        return f"Value ({units.pop() or 'no unit'})", lambda a, v: v, False
    return "Position within each assumption's range (%)", lambda a, v: (v - a.min) / (a.max - a.min), True


def _column(assumption: Assumption) -> str:
    unit = "%" if assumption.kind == "probability" else assumption.unit
    return f"{assumption.label} ({unit})" if unit else assumption.label


def history_table(snapshots: Sequence[Snapshot], assumptions: Sequence[Assumption]) -> ChartTable:
    def cell(snapshot: Snapshot, a: Assumption) -> float:
        value = _value(snapshot, a)
        return round(value * 100, 2) if a.kind == "probability" else value

    return ChartTable(
        TITLE,
        ("Date", *(_column(a) for a in assumptions)),
        tuple((s.date.isoformat(), *(cell(s, a) for a in assumptions)) for s in snapshots),
    )


LINE_STYLES = ("-", "--", ":", "-.")
MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*")


def series_look(n: int, style: ChartStyle) -> dict:
    """Colour, line style and marker of the n-th series: distinct for every series, even past the
    palette's length (colour alone repeats after it), so no two lines read as one."""
    size = len(style.palette)
    return dict(color=style.colour(n), linestyle=LINE_STYLES[(n // size) % len(LINE_STYLES)], marker=MARKERS[(n // size + n) % len(MARKERS)])


def draw_history(ax: Axes, snapshots: Sequence[Snapshot], assumptions: Sequence[Assumption], style: ChartStyle,
                 span: tuple[dt.date, dt.date] | None = None) -> ChartTable:
    """Pass the assumptions to show (e.g. those the outcome model uses, or the ones selected), and
    the pack's first and last dates as `span`, so the date axis is the exercise's, not matplotlib's guess."""
    if not snapshots or not assumptions:
        show_message(ax, style, TITLE, "No snapshots yet: each change to an assumption records one for that date.")
        return ChartTable(TITLE, (), ())
    ylabel, to_y, as_percent = _scale(assumptions)
    prepare_axes(ax, style, TITLE, "Scenario date", ylabel, grid="both")
    xs = date2num([s.date for s in snapshots])
    for n, a in enumerate(assumptions):
        ax.plot(xs, [to_y(a, _value(s, a)) for s in snapshots], markersize=4, label=a.label, **series_look(n, style))
    if span is not None:
        ax.set_xlim(date2num(span[0]), date2num(span[1]))
    date_axis(ax)
    if as_percent:
        ax.yaxis.set_major_formatter(PercentFormatter(1.0, decimals=0))
        ax.set_ylim(-0.02, 1.02)
    add_legend(ax, style, columns=1)
    return history_table(snapshots, assumptions)
