"""Each forecast question: every student's forecast, the class average and what happened.

Shapes, not colours, tell the three apart (hollow circles, a diamond, a cross), so a printed
report reads the same. An unresolved question shows no outcome at all: the view is also used
mid-exercise and must not give the answer away.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from matplotlib.axes import Axes

from gui.plots.style import ChartStyle, add_legend, percent_axis, prepare_axes, show_message, wrapped
from gui.plots.table import ChartTable, in_percent
from scenario.classroom import QuestionSpread

TITLE = "Forecasts, class average and outcome"


def _outcome(q: QuestionSpread) -> str:
    if not q.resolved:
        return "not yet resolved"
    return "yes" if q.question.answer else "no"


def class_forecasts_table(questions: Sequence[QuestionSpread]) -> ChartTable:
    return ChartTable(
        TITLE,
        ("Question", "Forecasts", "Class average (%)", "Lowest (%)", "Highest (%)", "Outcome"),
        tuple(
            (q.question.question, len(q.forecasts), in_percent(q.mean), in_percent(min(q.forecasts)), in_percent(max(q.forecasts)), _outcome(q))
            for q in questions if q.mean is not None
        ),
    )


def draw_class_forecasts(ax: Axes, questions: Sequence[QuestionSpread], style: ChartStyle,
                         highlight: Mapping[str, float] | None = None) -> ChartTable:
    """`highlight` marks one student's forecasts (by question id), for a student's own report."""
    shown = [q for q in questions if q.forecasts]
    if not shown:
        show_message(ax, style, TITLE, "No forecasts yet.")
        return ChartTable(TITLE, (), ())
    prepare_axes(ax, style, TITLE, "Probability of yes (%)", "Question")
    for y, q in enumerate(shown):
        first = y == 0
        spread = [y + ((n % 7) - 3) * 0.04 for n in range(len(q.forecasts))]  # fixed jitter: equal forecasts stay visible
        ax.scatter(q.forecasts, spread, marker="o", s=18, facecolors="none", edgecolors=style.muted,
                   linewidths=0.8, label="A student's forecast" if first else None, zorder=2)
        ax.scatter([q.mean], [y], marker="D", s=60, color=style.colour(0), edgecolors=style.foreground,
                   label="Class average" if first else None, zorder=3)
        if q.resolved:
            ax.scatter([float(q.question.answer)], [y], marker="X", s=90, color=style.foreground,
                       label="What happened (0% no, 100% yes)" if first else None, zorder=4)
        if highlight and q.question.id in highlight:
            ax.scatter([highlight[q.question.id]], [y], marker="^", s=80, color=style.colour(1), edgecolors=style.foreground,
                       label="Your forecast" if first else None, zorder=5)
    ax.set_yticks(range(len(shown)), [wrapped(q.question.question, 30) for q in shown])
    ax.set_ylim(len(shown) - 0.5, -0.5)
    ax.set_xlim(-0.05, 1.05)
    percent_axis(ax.xaxis)
    if len(shown) > 4:  # a tall chart scrolls on screen: the scale stays readable above it too
        ax.tick_params(axis="x", top=True, labeltop=True)
    add_legend(ax, style, columns=2)
    return class_forecasts_table(shown)
