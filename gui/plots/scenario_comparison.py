"""Saved scenarios side by side: for each outcome, one bar per scenario.

Grouping by outcome (not by scenario) puts the numbers a class argues about next to each
other: "you gave a forced sale 40%, I gave it 15%".
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes

from gui.plots.style import ChartStyle, add_legend, percent_axis, prepare_axes, show_message, wrapped
from gui.plots.table import ChartTable, in_percent
from scenario.outcomes import Evaluation

TITLE = "Saved scenarios compared"

Named = tuple[str, Evaluation]


def comparison_table(scenarios: Sequence[Named]) -> ChartTable:
    outcomes = scenarios[0][1].outcomes if scenarios else ()
    return ChartTable(
        TITLE,
        ("Scenario", *(f"{o.label} (%)" for o in outcomes)),
        tuple((name, *(in_percent(e.probability(o.outcome_id)) for o in outcomes)) for name, e in scenarios),
    )


def draw_comparison(ax: Axes, scenarios: Sequence[Named], style: ChartStyle) -> ChartTable:
    """All evaluations must come from the same pack's model (the first one's outcomes set the groups)."""
    if not scenarios:
        show_message(ax, style, TITLE, "Save scenarios to compare them side by side.")
        return ChartTable(TITLE, (), ())
    prepare_axes(ax, style, TITLE, "Outcome", "Probability (%)", grid="y")
    outcomes = scenarios[0][1].outcomes
    width = 0.8 / len(scenarios)
    for n, (name, evaluation) in enumerate(scenarios):
        xs = [i - 0.4 + width * (n + 0.5) for i in range(len(outcomes))]
        ax.bar(xs, [evaluation.probability(o.outcome_id) for o in outcomes], width=width * 0.95,
               color=style.colour(n), label=name)
    ax.set_xticks(range(len(outcomes)), [wrapped(o.label, 12) for o in outcomes])
    ax.set_ylim(0, 1)
    percent_axis(ax.yaxis)
    add_legend(ax, style, columns=3)
    return comparison_table(scenarios)
