"""Outcome probabilities as horizontal bars, with the Monte Carlo's 80% interval when there is one.

The bar is the point result at the student's values; the interval is drawn around the median,
which always lies inside it (the point need not, when the ranges are lopsided).
"""

from __future__ import annotations

from matplotlib.axes import Axes

from gui.plots.style import ChartStyle, add_legend, percent_axis, prepare_axes, show_message, wrapped
from gui.plots.table import ChartTable, in_percent
from scenario.outcome_uncertainty import Uncertainty
from scenario.outcomes import Evaluation, percent

TITLE = "Outcome probabilities"


def _spread(uncertainty: Uncertainty | None) -> Uncertainty | None:
    return uncertainty if uncertainty is not None and uncertainty.has_spread else None


def outcome_table(evaluation: Evaluation, uncertainty: Uncertainty | None = None) -> ChartTable:
    spread = _spread(uncertainty)
    columns = ("Outcome", "Probability (%)")
    if spread is not None:
        columns += ("Median (%)", "10th percentile (%)", "90th percentile (%)")
    rows = []
    for outcome in evaluation.outcomes:
        row: tuple = (outcome.label, in_percent(outcome.probability))
        if spread is not None:
            i = spread.interval(outcome.outcome_id)
            row += (in_percent(i.median), in_percent(i.low), in_percent(i.high))
        rows.append(row)
    return ChartTable(TITLE, columns, tuple(rows))


def draw_outcomes(ax: Axes, evaluation: Evaluation | None, style: ChartStyle, uncertainty: Uncertainty | None = None) -> ChartTable:
    if evaluation is None:
        show_message(ax, style, TITLE, "This scenario pack has no outcome model.")
        return ChartTable(TITLE, (), ())
    prepare_axes(ax, style, TITLE, "Probability (%)", "Outcome")
    ys = range(len(evaluation.outcomes))
    points = [o.probability for o in evaluation.outcomes]
    ax.barh(ys, points, height=0.6, color=style.colour(0), label="At your values")
    spread = _spread(uncertainty)
    intervals = [spread.interval(o.outcome_id) for o in evaluation.outcomes] if spread is not None else []
    label_at = [max(p, i.high) for p, i in zip(points, intervals)] or points  # clear of the interval
    for y, p, x in zip(ys, points, label_at):
        ax.text(x + 0.02, y, percent(p), va="center", color=style.foreground, fontsize=style.font_size)
    if spread is not None:
        medians = [i.median for i in intervals]
        below = [i.median - i.low for i in intervals]
        above = [i.high - i.median for i in intervals]
        ax.errorbar(medians, ys, xerr=[below, above], fmt="o", color=style.foreground, markersize=4, capsize=3,
                    label=f"Median and 80% interval ({spread.samples:,} samples)")
        add_legend(ax, style, columns=1)
    elif uncertainty is not None:  # under the axis label, where no bar can be
        ax.set_xlabel("Probability (%)\n" + wrapped("Give low-high ranges to see how sure these are", 32), color=style.foreground, fontsize=style.font_size)
    ax.set_yticks(list(ys), [wrapped(o.label) for o in evaluation.outcomes])
    ax.set_ylim(len(points) - 0.5, -0.5)
    ax.set_xlim(0, 1.15)  # room for the value labels past a 100% bar
    percent_axis(ax.xaxis)
    return outcome_table(evaluation, uncertainty)
