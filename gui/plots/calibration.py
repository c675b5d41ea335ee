"""Calibration: of the forecasts given about a 30% chance, did about 30% happen?

Points on the diagonal are well calibrated. Each point is labelled with its count, because a
bin of two forecasts says little and the reader should see that at once.
"""

from __future__ import annotations

from collections.abc import Sequence

from matplotlib.axes import Axes

from gui.plots.style import ChartStyle, add_legend, percent_axis, prepare_axes, show_message
from gui.plots.table import ChartTable, in_percent
from scenario.scoring import CalibrationBin

TITLE = "Calibration of resolved forecasts"


def calibration_table(bins: Sequence[CalibrationBin]) -> ChartTable:
    return ChartTable(
        TITLE,
        ("Forecasts from (%)", "to (%)", "Forecasts", "Mean forecast (%)", "Happened (%)"),
        tuple(
            (in_percent(b.low), in_percent(b.high), b.count, in_percent(b.mean_forecast), in_percent(b.observed))
            for b in bins if b.mean_forecast is not None and b.observed is not None
        ),
    )


def draw_calibration(ax: Axes, bins: Sequence[CalibrationBin], style: ChartStyle) -> ChartTable:
    filled = [b for b in bins if b.mean_forecast is not None and b.observed is not None]
    if not filled:
        show_message(ax, style, TITLE, "No resolved question has a forecast yet.")
        return ChartTable(TITLE, (), ())
    prepare_axes(ax, style, TITLE, "Forecast probability (%)", "How often it happened (%)", grid="both")
    ax.plot([0, 1], [0, 1], linestyle="--", color=style.muted, linewidth=1, label="Perfectly calibrated")
    xs = [b.mean_forecast for b in filled]
    ys = [b.observed for b in filled]
    ax.plot(xs, ys, marker="o", markersize=7, color=style.colour(0), markeredgecolor=style.foreground,
            linewidth=1.5, label=f"Forecasts, in bins {in_percent(bins[0].high - bins[0].low):g} points wide")
    for b, x, y in zip(filled, xs, ys):
        ax.annotate(f"n={b.count}", (x, y), textcoords="offset points", xytext=(6, -12 if y > 0.9 else 6),
                    color=style.foreground, fontsize=style.font_size)
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.08)
    percent_axis(ax.xaxis)
    percent_axis(ax.yaxis)
    add_legend(ax, style, columns=1)
    return calibration_table(bins)
