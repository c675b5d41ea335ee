"""The student's argument weights by theme, for to the right and against to the left.

A diverging layout puts both sides of one theme on one row, so a theme the student finds
one-sided stands out, and the axis reads as weight on either side (ticks show no minus sign).
"""

from __future__ import annotations

from matplotlib.axes import Axes
from matplotlib.ticker import FuncFormatter, MaxNLocator

from gui.plots.style import ChartStyle, add_legend, prepare_axes, show_message, wrapped
from gui.plots.table import ChartTable
from scenario.argument_balance import Balance
from scenario.labels import SIDES

TITLE = "Argument balance by theme"


def balance_table(balance: Balance) -> ChartTable:
    return ChartTable(
        TITLE,
        ("Theme", "Weight for", "Weight against", "Net (for - against)", "Arguments for", "Arguments against"),
        tuple((t.label, t.weight_for, t.weight_against, t.net, t.arguments_for, t.arguments_against) for t in balance.themes),
    )


def draw_balance(ax: Axes, balance: Balance, style: ChartStyle) -> ChartTable:
    if balance.weighed == 0:
        show_message(ax, style, TITLE, "Weigh arguments from 0 to 5 to see how they balance, theme by theme.")
        return ChartTable(TITLE, (), ())
    prepare_axes(ax, style, TITLE, "Total weight (sum of 0-5 ratings)", "Theme")
    ys = range(len(balance.themes))
    ax.barh(ys, [t.weight_for for t in balance.themes], height=0.6, color=style.colour(0), label=SIDES["for"])
    ax.barh(ys, [-t.weight_against for t in balance.themes], height=0.6, color=style.colour(1), label=SIDES["against"])
    ax.axvline(0, color=style.foreground, linewidth=1)
    ax.set_yticks(list(ys), [wrapped(t.label) for t in balance.themes])
    ax.set_ylim(len(balance.themes) - 0.5, -0.5)
    reach = max(max(t.weight_for, t.weight_against) for t in balance.themes) + 1
    ax.set_xlim(-reach, reach)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _: f"{abs(x):g}"))
    add_legend(ax, style)
    return balance_table(balance)
