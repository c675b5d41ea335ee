"""Colours and axis dressing shared by every chart, so all of them follow the window palette.

The Qt side builds a `ChartStyle` from the QPalette; tests and the benchmark use `style_for`.
Every chart starts from `prepare_axes` (or `show_message` when it has nothing to show), which
is what keeps the chart modules free of copied styling code.

Every text a chart draws may come from a pack or a student, so none of it is parsed as
mathtext: see `LITERAL_TEXT` below.
"""

from __future__ import annotations

import dataclasses
import textwrap

import matplotlib
from matplotlib.axes import Axes
from matplotlib.dates import (DAILY, HOURLY, MICROSECONDLY, MINUTELY, MONTHLY, SECONDLY, YEARLY, AutoDateLocator,
                              ConciseDateFormatter)
from matplotlib.legend import Legend
from matplotlib.transforms import blended_transform_factory
from matplotlib.ticker import PercentFormatter

# matplotlib reads "$...$" as mathtext: "Plan A ($40bn) vs B ($50bn)" would come out as italic
# maths, and "Cost $100% or $0" would raise at draw time and leave the chart blank. Every Text
# (titles, labels, tick labels, legends, annotations, tables) takes this setting when it is
# made, and every figure of the app is drawn by functions that import this module, so this one
# setting keeps all of them literal, in the window and in the reports. The app never writes maths.
LITERAL_TEXT = {"text.parse_math": False}
matplotlib.rcParams.update(LITERAL_TEXT)

# Okabe and Ito's colour-blind-safe set, ordered so the first colours contrast best with the
# background (yellow last on light, the dark blue last on dark). On white, the orange, sky blue
# and yellow are darkened (same hue) to the 3:1 that WCAG 1.4.11 asks of chart marks.
_LIGHT_PALETTE = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#C28600", "#1D99E0", "#000000", "#9E940D")
_DARK_PALETTE = ("#56B4E9", "#E69F00", "#009E73", "#CC79A7", "#F0E442", "#D55E00", "#FFFFFF", "#0072B2")


@dataclasses.dataclass(frozen=True)
class ChartStyle:
    foreground: str
    background: str
    grid: str
    muted: str
    palette: tuple[str, ...]
    dark: bool
    font_size: float = 9.0

    def colour(self, index: int) -> str:
        return self.palette[index % len(self.palette)]


def style_for(dark: bool) -> ChartStyle:
    if dark:
        return ChartStyle("#E8E8E8", "#1E1E1E", "#3A3A3A", "#A0A0A0", _DARK_PALETTE, True)
    return ChartStyle("#1F1F1F", "#FFFFFF", "#DDDDDD", "#6E6E6E", _LIGHT_PALETTE, False)


def prepare_axes(ax: Axes, style: ChartStyle, title: str, xlabel: str, ylabel: str, grid: str = "x") -> None:
    """Clear and dress the axes, so a chart can be redrawn on the same axes any number of times."""
    ax.clear()
    ax.figure.set_facecolor(style.background)
    ax.set_facecolor(style.background)
    _title(ax, style, title)
    ax.set_xlabel(xlabel, color=style.foreground, fontsize=style.font_size)
    ax.set_ylabel(ylabel, color=style.foreground, fontsize=style.font_size)
    ax.tick_params(colors=style.muted, labelcolor=style.foreground, labelsize=style.font_size)
    for side, spine in ax.spines.items():
        spine.set_visible(side in ("left", "bottom"))
        spine.set_color(style.muted)
    ax.set_axisbelow(True)
    ax.grid(True, axis=grid, color=style.grid, linewidth=0.6)


def show_message(ax: Axes, style: ChartStyle, title: str, message: str) -> None:
    """An empty state that says what to do, rather than bare axes that look broken."""
    prepare_axes(ax, style, title, "", "")
    ax.grid(False)
    ax.set_xticks([])
    ax.set_yticks([])
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.text(0.5, 0.5, message, transform=ax.transAxes, ha="center", va="center",
            color=style.muted, fontsize=style.font_size + 1, wrap=True)


def _title(ax: Axes, style: ChartStyle, title: str, pad: float = 6.0) -> None:
    ax.set_title(title, color=style.foreground, fontsize=style.font_size + 2, loc="left", pad=pad, wrap=True)  # narrow panels


def add_legend(ax: Axes, style: ChartStyle, columns: int = 2) -> Legend:
    """Between the title and the plot, so it never hides data nor steals the plot's width.

    Matplotlib does not move a title clear of a legend, so the title is lifted by the
    legend's row count and the title alone takes part in the layout: a wide legend must not
    shrink the plot, so pass fewer columns for long labels.
    """
    handles, labels = ax.get_legend_handles_labels()
    columns = max(1, min(columns, len(labels)))
    while True:  # as many columns as fit the figure's width: a legend cut at the edge names nothing
        # from the figure's left edge (not the axes', which the layout moves later), above the plot
        legend = ax.legend(handles, labels, fontsize=style.font_size, ncols=columns, frameon=False,
                           loc="lower left", bbox_to_anchor=(0.0, 1.0), borderaxespad=0.3, handlelength=1.5,
                           bbox_transform=blended_transform_factory(ax.figure.transFigure, ax.transAxes))
        legend.set_in_layout(False)
        if columns == 1 or _fits(ax, legend):
            break
        columns -= 1
    for text in legend.get_texts():
        text.set_color(style.foreground)
    if columns == 1:
        _wrap_to_fit(ax, legend)
    rows = -(-len(labels) // columns)
    _title(ax, style, ax.get_title(loc="left"), pad=6.0 + rows * style.font_size * 1.75)
    return legend


def _renderer(ax: Axes):
    canvas = ax.figure.canvas
    return canvas.get_renderer() if hasattr(canvas, "get_renderer") else None


def _fits(ax: Axes, legend: Legend) -> bool:
    """The legend, anchored at the axes' left edge, ends inside the figure."""
    renderer = _renderer(ax)
    if renderer is None:
        return True
    right = legend.get_window_extent(renderer).x1
    return right <= ax.figure.bbox.x1 - 2


def _wrap_to_fit(ax: Axes, legend: Legend) -> None:
    """One column still too wide: break its longest labels over lines (never cut them)."""
    renderer = _renderer(ax)
    if renderer is None:
        return
    limit = ax.figure.bbox.x1 - 2
    for text in sorted(legend.get_texts(), key=lambda t: -len(t.get_text())):
        label = text.get_text()
        width = len(label)
        while legend.get_window_extent(renderer).x1 > limit and width > 12:
            width -= 4
            text.set_text(wrapped(label, width))


def percent_axis(axis) -> None:
    """Probabilities are stored 0-1 and read as percentages."""
    axis.set_major_formatter(PercentFormatter(1.0, decimals=0))


def date_axis(ax: Axes) -> None:
    """Short tick labels (the year appears once, at the right) so a narrow chart stays legible."""
    # with a bare maxticks, short and odd spans (a few days, a single snapshot) find no interval
    # and matplotlib warns on stderr; per-frequency limits always leave one that fits
    locator = AutoDateLocator(minticks=2, maxticks={YEARLY: 7, MONTHLY: 8, DAILY: 8, HOURLY: 8, MINUTELY: 8, SECONDLY: 8,
                                                    MICROSECONDLY: 8})
    ax.xaxis.set_major_locator(locator)
    ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))


def wrapped(label: str, width: int = 24) -> str:
    """Long pack labels broken over lines so tick labels do not collide."""
    return "\n".join(textwrap.wrap(label, width)) or label
