"""Charts as plain functions on a matplotlib Axes: no Qt, no pyplot, testable without a display.

Each `draw_*` clears the axes it is given, draws, and returns the `ChartTable` of the numbers
it shows; the matching `*_table` function gives the same table without drawing. The timeline
returns a `TimelineChart` whose `move_cursor` updates artists in place; hand its
`moving_artists` to a `Blitter` so a step repaints only those. The outcome bars return
`OutcomeBars` (None without an outcome model), whose `update` moves the bars in place and
whose `table()` gives the numbers.
"""

from gui.plots.argument_balance import balance_table, draw_balance
from gui.plots.assumption_history import draw_history, history_table
from gui.plots.blit import Blitter
from gui.plots.outcome_bars import OutcomeBars, draw_outcome_bars, outcome_table
from gui.plots.scenario_comparison import comparison_table, draw_comparison
from gui.plots.style import ChartStyle, style_for
from gui.plots.table import ChartTable
from gui.plots.timeline import TimelineChart, draw_timeline, in_force_spans, timeline_table
from gui.plots.tornado import draw_tornado, tornado_table

__all__ = [
    "Blitter", "ChartStyle", "ChartTable", "OutcomeBars", "TimelineChart", "balance_table", "comparison_table", "draw_balance",
    "draw_comparison", "draw_history", "draw_outcome_bars", "draw_timeline", "draw_tornado", "history_table",
    "in_force_spans", "outcome_table", "style_for", "timeline_table", "tornado_table",
]
