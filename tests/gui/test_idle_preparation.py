"""Idle time after the first paint: the other tabs and their charts are made then, so a first
click on a tab only lays it out and paints; a hidden chart keeps nothing the date no longer knows."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QApplication

from gui.widgets.idle_work import IdleWork
from scenario.record import AssumptionValue
from scenario.rules import Move

D = dt.date


def _prepared(window, qtbot) -> None:
    qtbot.waitUntil(lambda: not window.idle_work.pending() and not window.workspace.tabs.unbuilt(), timeout=10_000)
    panels = [window.workspace.assumptions.outcomes.outcomes, window.workspace.charts.panel]
    qtbot.waitUntil(lambda: all(p.ready_to_show for p in panels), timeout=10_000)


def test_idle_work_waits_until_ready_and_does_one_job_per_turn(qtbot):
    ready, done = [False], []
    work = IdleWork(lambda: ready[0])
    work.add(lambda: done.append("a"))
    work.add(lambda: (done.append("b"), work.add_next(lambda: done.append("b's own"))))
    work.add(lambda: done.append("c"))
    QApplication.processEvents()
    qtbot.wait(120)
    assert done == []
    ready[0] = True
    qtbot.waitUntil(lambda: not work.pending())
    assert done == ["a", "b", "b's own", "c"]


def test_a_first_look_at_a_tab_draws_no_chart_it_was_drawn_in_idle_time_at_its_size(window, qtbot):
    _prepared(window, qtbot)
    for view, panel in ((window.workspace.assumptions, window.workspace.assumptions.outcomes.outcomes),
                        (window.workspace.charts, window.workspace.charts.panel)):
        drawn: list[object] = []
        connection = panel.canvas.mpl_connect("draw_event", drawn.append)
        window.workspace.tabs.setCurrentWidget(view)
        QApplication.processEvents()
        window.repaint()
        assert drawn == [], f"{panel.accessibleName()} was drawn again when shown"
        width, height = panel.canvas.get_width_height(physical=True)
        assert (width, height) == (panel.canvas.width() * panel.canvas.devicePixelRatio(), panel.canvas.height() * panel.canvas.devicePixelRatio())
        renderer = panel.canvas.get_renderer()
        assert (renderer.width, renderer.height) == (width, height), "the image painted is the size shown"
        panel.canvas.mpl_disconnect(connection)


def test_a_hidden_chart_drops_what_a_step_back_unknew_and_is_drawn_again_after_a_pause(window, qtbot):
    document, charts = window.document, window.workspace.charts
    document.set_date(D(2030, 3, 1))
    _prepared(window, qtbot)
    assert "Order 2" in [t.get_text() for t in charts.panel.figure.axes[0].get_yticklabels()]
    document.step(Move.FIRST)
    assert charts.panel.figure.axes == [] and charts.panel.result is None, "the hidden timeline kept a later order"
    qtbot.waitUntil(lambda: charts.panel.result is not None, timeout=5000)
    assert charts.shows_current_date()
    assert "Order 2" not in [t.get_text() for t in charts.panel.figure.axes[0].get_yticklabels()]


def test_on_the_start_page_nothing_waits_in_idle_time_until_a_pack_opens(make_window, qtbot):
    """No timer wakes the app every few milliseconds while the start page is up (a laptop's battery)."""
    window = make_window(pack=False)
    unbuilt = window.workspace.tabs.unbuilt()
    window.repaint()
    qtbot.wait(200)
    assert window.idle_work.pending() == 0 and window.workspace.tabs.unbuilt() == unbuilt != []
    window.document.start_scenario(window.document.find_pack("mini"), "First")
    qtbot.waitUntil(lambda: not window.workspace.tabs.unbuilt(), timeout=10_000)


def test_no_hidden_chart_is_drawn_while_the_student_keeps_stepping(window, qtbot):
    """Catching up is idle work: a draw (50-90 ms) between two steps would be a hitch in them.
    An edit drops the hidden outcome chart; the steps after it do not touch that chart, yet
    it waits until they pause."""
    document, outcomes = window.document, window.workspace.assumptions.outcomes.outcomes
    document.set_date(D(2030, 3, 1))
    _prepared(window, qtbot)
    window.editor.edit_assumption("p-deal", AssumptionValue(value=0.7), "x")
    assert outcomes.result is None
    drawn: list[object] = []
    outcomes.canvas.mpl_connect("draw_event", drawn.append)
    for _ in range(8):  # a step every 200 ms for 1.6 s: longer than the pause a catch-up waits for
        document.step(Move.PREVIOUS_DAY)
        qtbot.wait(200)
    assert drawn == []
    qtbot.waitUntil(lambda: drawn != [], timeout=5000)
    assert outcomes.result is not None


def test_a_closed_window_draws_nothing_in_idle_time(window, qtbot):
    """A window closed with a hidden chart waiting to catch up does not draw it: a lingering window
    (a preview, a test) would steal the time of the one in use."""
    outcomes = window.workspace.assumptions.outcomes.outcomes
    _prepared(window, qtbot)
    window.editor.edit_assumption("p-deal", AssumptionValue(value=0.7), "x")
    drawn: list[object] = []
    outcomes.canvas.mpl_connect("draw_event", drawn.append)
    window.close()
    qtbot.wait(1500)
    assert drawn == []


def test_closing_the_window_drops_its_idle_work(make_window):
    window = make_window()
    window.repaint()
    assert window.idle_work.pending() > 0
    window.close()
    assert window.idle_work.pending() == 0
