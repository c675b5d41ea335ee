"""The sensitivity sweep as a tornado: for one outcome, how far each assumption's range moves it.

Rows are sorted by the swing of the outcome shown (largest on top), which is what makes the
chart read as a tornado whichever outcome the student picks.
"""

from __future__ import annotations

from matplotlib.axes import Axes

from gui.plots.style import ChartStyle, add_legend, percent_axis, prepare_axes, show_message, wrapped
from gui.plots.table import ChartTable, in_percent
from scenario.outcome_sensitivity import Sensitivity, Swing
from scenario.outcomes import percent

TITLE = "What moves this outcome most"
SETTLED = "settled by events: moves nothing"


def _shown(sensitivity: Sensitivity, outcome_id: str | None) -> tuple[int, list[Swing]]:
    """The outcome to show (asked for, else ranked by, else the first) and rows by its swing;
    assumptions settled by events last, since nothing the student does with them moves it."""
    index = sensitivity.index(outcome_id or sensitivity.target or sensitivity.outcome_ids[0])
    rows = sorted(sensitivity.swings, key=lambda s: (s.settled, -abs(s.at_high[index] - s.at_low[index])))
    return index, rows


def tornado_table(sensitivity: Sensitivity, outcome_id: str | None = None) -> ChartTable:
    index, rows = _shown(sensitivity, outcome_id)
    label = sensitivity.outcome_labels[index]
    return ChartTable(
        f"{TITLE}: {label}",
        ("Assumption", "Low end (%)", "High end (%)", "Range from", f"{label} at low end (%)", f"{label} at high end (%)", "Swing (points)"),
        tuple(
            (s.label, in_percent(s.low), in_percent(s.high), _range_from(s),
             in_percent(s.at_low[index]), in_percent(s.at_high[index]), in_percent(abs(s.at_high[index] - s.at_low[index])))
            for s in rows
        ),
    )


def _range_from(swing: Swing) -> str:
    return SETTLED if swing.settled else "your range" if swing.from_student else "pack limits"


def draw_tornado(ax: Axes, sensitivity: Sensitivity | None, style: ChartStyle, outcome_id: str | None = None) -> ChartTable:
    if sensitivity is None or not sensitivity.swings:
        show_message(ax, style, TITLE, "This scenario pack has no outcome model to test.")
        return ChartTable(TITLE, (), ())
    index, rows = _shown(sensitivity, outcome_id)
    label = sensitivity.outcome_labels[index]
    base = sensitivity.base[index]
    prepare_axes(ax, style, TITLE, f"Probability of “{label}” (%)", "Assumption (range swept)")
    ys = range(len(rows))
    ax.barh(ys, [s.at_low[index] - base for s in rows], left=base, height=0.6, color=style.colour(0), label="At the low end")
    ax.barh(ys, [s.at_high[index] - base for s in rows], left=base, height=0.6, color=style.colour(1), label="At the high end")
    ax.axvline(base, color=style.foreground, linewidth=1, label=f"At your values ({percent(base)})")
    ax.set_yticks(list(ys), [f"{wrapped(s.label)}\n{SETTLED if s.settled else f'{percent(s.low)} to {percent(s.high)}'}" for s in rows])
    ax.set_ylim(len(rows) - 0.5, -0.5)
    percent_axis(ax.xaxis)
    add_legend(ax, style)
    return tornado_table(sensitivity, outcome_id)
