"""Outcome probabilities as horizontal bars, with the Monte Carlo's 80% interval when there is one.

The bar is the point result at the student's values; the interval is drawn around the median,
which always lies inside it (the point need not, when the ranges are lopsided).
"""

from __future__ import annotations

import dataclasses

from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.container import BarContainer, ErrorbarContainer
from matplotlib.text import Text

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


@dataclasses.dataclass
class OutcomeBars:
    """The artists that move when an assumption changes, and how to move them in place.

    A full draw of this chart takes several frames; moving bars and labels and repainting
    only them (a Blitter) takes well under one, so an edit shows at once.
    """

    outcome_ids: tuple[str, ...]
    bars: BarContainer
    labels: list[Text]
    interval: ErrorbarContainer | None
    evaluation: Evaluation
    uncertainty: Uncertainty | None

    def update(self, evaluation: Evaluation, uncertainty: Uncertainty | None) -> bool:
        """Move to new numbers; False when the chart's shape changed and it must be drawn afresh."""
        spread = _spread(uncertainty)
        if tuple(o.outcome_id for o in evaluation.outcomes) != self.outcome_ids or (spread is None) != (self.interval is None):
            return False
        points, intervals, label_at = _layout(evaluation, spread)
        for bar, p in zip(self.bars, points):
            bar.set_width(p)
        for label, p, x in zip(self.labels, points, label_at):
            label.set_x(x + LABEL_GAP)
            label.set_text(percent(p))
        if self.interval is not None:
            _move_interval(self.interval, intervals)
        self.evaluation, self.uncertainty = evaluation, uncertainty
        return True

    @property
    def moving_artists(self) -> list[Artist]:
        interval = list(self.interval.get_children()) if self.interval is not None else []
        return [*self.bars, *self.labels, *interval]

    def table(self) -> ChartTable:
        return outcome_table(self.evaluation, self.uncertainty)


LABEL_GAP = 0.02


def _layout(evaluation: Evaluation, spread: Uncertainty | None) -> tuple[list[float], list, list[float]]:
    points = [o.probability for o in evaluation.outcomes]
    intervals = [spread.interval(o.outcome_id) for o in evaluation.outcomes] if spread is not None else []
    label_at = [max(p, i.high) for p, i in zip(points, intervals)] or points  # clear of the interval
    return points, intervals, label_at


def _move_interval(container: ErrorbarContainer, intervals: list) -> None:
    data_line, caplines, (segments,) = container.lines
    ys = data_line.get_ydata()
    data_line.set_xdata([i.median for i in intervals])
    low_caps, high_caps = caplines
    low_caps.set_xdata([i.low for i in intervals])
    high_caps.set_xdata([i.high for i in intervals])
    segments.set_segments([[(i.low, y), (i.high, y)] for i, y in zip(intervals, ys)])


def draw_outcome_bars(ax: Axes, evaluation: Evaluation | None, style: ChartStyle, uncertainty: Uncertainty | None = None) -> OutcomeBars | None:
    """The chart, or None (with a message drawn) when the pack has no outcome model."""
    if evaluation is None:
        show_message(ax, style, TITLE, "This scenario pack has no outcome model.")
        return None
    prepare_axes(ax, style, TITLE, "Probability (%)", "Outcome")
    ys = range(len(evaluation.outcomes))
    spread = _spread(uncertainty)
    points, intervals, label_at = _layout(evaluation, spread)
    bars = ax.barh(ys, points, height=0.6, color=style.colour(0), label="At your values")
    labels = [ax.text(x + LABEL_GAP, y, percent(p), va="center", color=style.foreground, fontsize=style.font_size)
              for y, p, x in zip(ys, points, label_at)]
    interval = None
    if spread is not None:
        medians = [i.median for i in intervals]
        below = [i.median - i.low for i in intervals]
        above = [i.high - i.median for i in intervals]
        interval = ax.errorbar(medians, ys, xerr=[below, above], fmt="o", color=style.foreground, markersize=4, capsize=3,
                               label=f"Median and 80% interval ({spread.samples:,} samples)")
        add_legend(ax, style, columns=1)
    elif uncertainty is not None:  # under the axis label, where no bar can be
        ax.set_xlabel("Probability (%)\nGive low-high ranges to see how sure these are", color=style.foreground,
                      fontsize=style.font_size, wrap=True)  # wraps at the figure's edge in a narrow panel
    ax.set_yticks(list(ys), [wrapped(o.label) for o in evaluation.outcomes])
    ax.set_ylim(len(points) - 0.5, -0.5)
    ax.set_xlim(0, 1.15)  # room for the value labels past a 100% bar
    percent_axis(ax.xaxis)
    return OutcomeBars(tuple(o.outcome_id for o in evaluation.outcomes), bars, labels, interval, evaluation, uncertainty)

