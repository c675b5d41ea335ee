"""The timeline chart: rows, spans, deadlines, and a cursor that moves without redrawing."""

from __future__ import annotations

import datetime as dt
import json

import numpy as np
from matplotlib.dates import date2num

from gui.plots import Blitter, draw_history, draw_timeline, in_force_spans, style_for, timeline_table
from scenario.pack import EARLIEST, LATEST, parse_pack
from scenario.record import Snapshot

DAY = dt.date(2030, 2, 1)


def test_spans_run_from_in_force_to_the_next_change(pack):
    spans = in_force_spans(pack)
    assert [(s.instrument_id, s.start, s.end) for s in spans] == [
        ("order-1", dt.date(2030, 1, 5), dt.date(2030, 2, 10)),
        ("order-2", dt.date(2030, 2, 20), None),
    ]


def test_draws_rows_markers_deadlines_and_cursor(ax, pack):
    chart = draw_timeline(ax, pack, style_for(False), DAY)
    assert [t.get_text() for t in ax.get_yticklabels()] == ["Order 1", "Order 2", "Executive order", "Court"]
    assert len(ax.collections) == 2  # one scatter per event kind
    assert sum(len(c.get_offsets()) for c in ax.collections) == len(pack.events)
    assert len(ax.lines) == len(pack.deadlines) + 1
    assert list(chart.cursor.get_xdata()) == [date2num(DAY)] * 2
    legend = [t.get_text() for t in ax.get_legend().get_texts()]
    assert legend == ["Executive order", "Court", "Deadline", "Current date", "In force"]
    assert ax.get_title(loc="left").startswith("Timeline") and ax.get_xlabel() == "Date"
    ax.figure.canvas.draw()


def test_move_cursor_updates_artists_only(ax, pack):
    chart = draw_timeline(ax, pack, style_for(False), DAY)
    before = len(ax.get_children())
    later = dt.date(2030, 3, 1)
    chart.move_cursor(later)
    assert list(chart.cursor.get_xdata()) == [date2num(later)] * 2
    assert len(ax.get_children()) == before


def test_highlight_fades_what_comes_after_the_date(ax, pack):
    chart = draw_timeline(ax, pack, style_for(False), DAY, future_alpha=0.0)
    orders, courts = ax.collections
    assert list(orders.get_alpha()) == [1.0, 0.0]  # order 1 known, order 2 not yet
    assert list(courts.get_alpha()) == [1.0, 0.0]
    deadlines = [line.get_alpha() for line in ax.lines[:-1]]
    assert deadlines == [1.0, 1.0, 0.0]  # the ban deadline is announced on 20 Feb
    order_1_past = ax.containers[0][0]
    assert order_1_past.get_width() == date2num(DAY) - date2num(dt.date(2030, 1, 5))
    chart.move_cursor(dt.date(2030, 3, 31))
    assert list(orders.get_alpha()) == [1.0, 1.0]
    assert order_1_past.get_width() == date2num(dt.date(2030, 2, 10)) - date2num(dt.date(2030, 1, 5))


def test_table_is_spoiler_free_when_given_a_date(pack):
    full = timeline_table(pack)
    so_far = timeline_table(pack, until=DAY)
    assert len(full.rows) == len(pack.events) + len(pack.deadlines) + 2
    assert [r[3] for r in so_far.rows] == ["Order 1 signed", "Order 1", "AppCo sues", "Sale deadline", "Extended sale deadline"]
    assert so_far.rows[1][1] == ""  # order 1's end (10 Feb) is not known on 1 Feb
    assert full.rows[1][1] == "2030-02-10"


def test_blitter_repaints_only_the_moving_artists(ax, pack):
    chart = draw_timeline(ax, pack, style_for(False), DAY)
    canvas = ax.figure.canvas
    blitter = Blitter(canvas, chart.moving_artists)
    full_draws = []
    canvas.mpl_connect("draw_event", full_draws.append)
    blitter.update()  # nothing cached yet: one full draw
    chart.move_cursor(dt.date(2030, 3, 1))
    blitter.update()
    assert len(full_draws) == 1
    blitted = np.asarray(canvas.buffer_rgba()).copy()
    canvas.draw()
    assert np.array_equal(blitted, np.asarray(canvas.buffer_rgba()))
    blitter.release()
    assert not chart.cursor.get_animated()


def test_the_widest_pack_allowed_draws(ax, mini_json):
    """A pack may span 1900 to 2199 (`scenario.pack.EARLIEST`, `LATEST`): ticks and spans still fit the calendar."""
    mini_json["start"], mini_json["end"] = str(EARLIEST), str(LATEST)
    mini_json["instruments"][0]["changes"][0]["date"] = str(EARLIEST)
    mini_json["events"][0]["date"] = str(LATEST)
    pack = parse_pack(json.dumps(mini_json).encode())
    for day in (EARLIEST, LATEST):
        draw_timeline(ax, pack, style_for(False), day)
        ax.figure.canvas.draw()
        draw_history(ax, [Snapshot(date=EARLIEST, values={}), Snapshot(date=LATEST, values={})], pack.assumptions, style_for(False))
        ax.figure.canvas.draw()
