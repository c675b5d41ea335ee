"""The pack on a date axis: events by kind, deadlines, what was in force, and a date cursor.

Stepping through time must cost far less than a frame, so the chart is drawn once per pack
and `TimelineChart.move_cursor` only updates existing artists (cursor position, per-event
alpha, the split of each in-force bar into past and future); the canvas then repaints.
With `future_alpha=0` nothing after the current date shows, for spoiler-free classroom mode.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

import numpy as np
from matplotlib.artist import Artist
from matplotlib.axes import Axes
from matplotlib.container import BarContainer
from matplotlib.dates import date2num
from matplotlib.lines import Line2D

from gui.plots.style import ChartStyle, add_legend, date_axis, prepare_axes
from gui.plots.table import ChartTable
from scenario.labels import EVENT_KINDS
from scenario.model import Pack

TITLE = "Timeline: events, deadlines and what was in force"
_MARKERS = ("o", "s", "^", "D", "v", "P", "X", "*", "h", "<", ">")
_ONE_DAY = dt.timedelta(days=1)
_KIND_ORDER = {kind: n for n, kind in enumerate(EVENT_KINDS)}


@dataclasses.dataclass(frozen=True)
class Span:
    """A stretch during which an instrument was in force; `end` is the day it stopped, if it did."""

    instrument_id: str
    name: str
    start: dt.date
    end: dt.date | None


def in_force_spans(pack: Pack) -> list[Span]:
    """From each `in_force` change until the instrument's next change (or the end of the pack)."""
    spans = []
    for instrument in pack.instruments:
        changes = instrument.changes
        for change, following in zip(changes, [*changes[1:], None]):
            if change.status == "in_force":
                spans.append(Span(instrument.id, instrument.name, change.date, following.date if following else None))
    return spans


def timeline_table(pack: Pack, until: dt.date | None = None) -> ChartTable:
    """Rows up to `until` (all when None): pass the current date in classroom mode."""
    def known(day: dt.date) -> bool:
        return until is None or day <= until

    rows = [(e.date.isoformat(), "", EVENT_KINDS.get(e.kind, e.kind), e.title) for e in pack.events if known(e.date)]
    rows += [(d.date.isoformat(), "", "Deadline", d.title) for d in pack.deadlines if known(d.announced)]
    rows += [
        (s.start.isoformat(), s.end.isoformat() if s.end and known(s.end) else "", "In force", s.name)
        for s in in_force_spans(pack)
        if known(s.start)
    ]
    rows.sort(key=lambda r: r[0])
    return ChartTable(TITLE, ("Date", "Until", "What", "Title"), tuple(rows))


@dataclasses.dataclass
class TimelineChart:
    """The artists that follow the current date, and how to move them."""

    pack: Pack
    cursor: Line2D
    future_alpha: float
    _events: list[tuple[Artist, np.ndarray]]  # one scatter per kind, with its events' dates
    _deadlines: list[tuple[Line2D, float]]  # each line with the date it was announced
    _spans: tuple[BarContainer, BarContainer, np.ndarray, np.ndarray]  # past bars, future bars, starts, ends

    def move_cursor(self, day: dt.date) -> None:
        """Update artists in place; the caller repaints (`draw_idle`, or a `Blitter`)."""
        x = float(date2num(day))
        self.cursor.set_xdata([x, x])
        self.highlight(day)

    def highlight(self, day: dt.date) -> None:
        """Full colour up to `day`, `future_alpha` after it; in-force bars split at `day`."""
        x = float(date2num(day))
        for scatter, dates in self._events:
            scatter.set_alpha(np.where(dates <= x, 1.0, self.future_alpha))
        for line, announced in self._deadlines:
            line.set_alpha(1.0 if announced <= x else self.future_alpha)
        past, future, starts, ends = self._spans
        split = np.clip(x, starts, ends)
        for bar_past, bar_future, start, middle, end in zip(past, future, starts, split, ends):
            bar_past.set_width(middle - start)
            bar_future.set_x(middle)
            bar_future.set_width(end - middle)

    @property
    def moving_artists(self) -> list[Artist]:
        """Everything `move_cursor` may change: the artists to hand to a `Blitter`."""
        past, future, _, _ = self._spans
        return [*past, *future, *(s for s, _ in self._events), *(line for line, _ in self._deadlines), self.cursor]

    def table(self, until: dt.date | None = None) -> ChartTable:
        return timeline_table(self.pack, until)


def draw_timeline(ax: Axes, pack: Pack, style: ChartStyle, current: dt.date, future_alpha: float = 0.25) -> TimelineChart:
    prepare_axes(ax, style, TITLE, "Date", "Instrument / event kind")
    spans = in_force_spans(pack)
    kinds = [k for k in EVENT_KINDS if any(e.kind == k for e in pack.events)]
    names = {i.id: i.name for i in pack.instruments}
    instruments = list(dict.fromkeys(s.instrument_id for s in spans))  # rows: instruments, then event kinds
    labels = [*(names[i] for i in instruments), *(EVENT_KINDS[k] for k in kinds)]
    keys = [*instruments, *(("kind", k) for k in kinds)]
    row_of = {key: n for n, key in enumerate(keys)}

    last = pack.end + _ONE_DAY
    starts = date2num([s.start for s in spans]) if spans else np.zeros(0)
    ends = date2num([s.end or last for s in spans]) if spans else np.zeros(0)
    ys = [row_of[s.instrument_id] for s in spans]
    bar = dict(height=0.5, color=style.colour(2), edgecolor=style.background)
    past = ax.barh(ys, ends - starts, left=starts, label="In force", **bar)
    future = ax.barh(ys, np.zeros(len(spans)), left=ends, alpha=future_alpha, **bar)

    events = []
    for kind in kinds:
        n = _KIND_ORDER[kind]  # by kind, not by position among the kinds shown: a kind keeps its look as more become known
        dates = date2num([e.date for e in pack.events if e.kind == kind])
        scatter = ax.scatter(dates, np.full(len(dates), row_of["kind", kind]), marker=_MARKERS[n % len(_MARKERS)],
                             color=style.colour(n + 3), edgecolors=style.foreground, linewidths=0.5, s=40,
                             label=EVENT_KINDS[kind], zorder=3)
        events.append((scatter, dates))

    deadlines = []
    for n, deadline in enumerate(pack.deadlines):
        line = ax.axvline(date2num(deadline.date), color=style.colour(1), linestyle="--", linewidth=1,
                          label="Deadline" if n == 0 else None)
        deadlines.append((line, float(date2num(deadline.announced))))
    cursor = ax.axvline(date2num(current), color=style.foreground, linewidth=1.5, label="Current date", zorder=4)

    ax.set_yticks(range(len(labels)), labels)
    ax.set_ylim(max(len(labels), 1) - 0.5, -0.5)  # nothing known yet: one empty row, not a singular axis
    ax.set_xlim(date2num(pack.start - _ONE_DAY), date2num(last))
    date_axis(ax)
    add_legend(ax, style, columns=5)  # a wide, short legend leaves the rows their height
    chart = TimelineChart(pack, cursor, future_alpha, events, deadlines, (past, future, starts, ends))
    chart.move_cursor(current)
    return chart
