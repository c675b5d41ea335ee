"""Stepping through the synthetic pack with the keyboard updates every view."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from scenario.rules import Move
from tests.gui.conftest import press, row_texts

D = dt.date
Key, Mod = Qt.Key, Qt.KeyboardModifier


def test_the_pack_opens_at_its_start_with_nothing_known(window):
    assert window.document.date == D(2030, 1, 1)
    ws = window.workspace
    assert ws.events.stack.currentWidget() is ws.events.empty
    assert ws.banner.countdown.text() == "No legal deadline is pending on this date."
    assert window.windowTitle() == "Mini pack (synthetic): 1 Jan 2030 — Divestiture Lab"


def test_right_arrow_steps_to_the_next_event_and_every_view_follows(window):
    press(window, Key.Key_Right)
    ws = window.workspace
    assert window.document.date == D(2030, 1, 5)
    assert ws.banner.date_label.text() == "Sat 5 Jan 2030"
    assert ws.banner.countdown.text() == "30 days until: Sale deadline, 4 Feb 2030"
    assert "Set by Order 1: 30 days after 5 Jan 2030." in ws.banner.then.text()
    assert row_texts(ws.in_force) == ["Order 1\nIn force since 5 Jan 2030"]
    assert row_texts(ws.events) == ["Order 1 signed\n5 Jan 2030 · Executive order"]
    assert row_texts(ws.arguments.columns["for"])[0].startswith("User data could reach a rival state.")
    assert row_texts(ws.arguments.columns["against"]) == []
    assert ws.stepper.slider.value() == 4


def test_shift_arrows_step_by_day_and_left_steps_back_by_event(window):
    press(window, Key.Key_Right)
    press(window, Key.Key_Right, Mod.ShiftModifier)
    assert window.document.date == D(2030, 1, 6)
    press(window, Key.Key_Left, Mod.ShiftModifier)
    press(window, Key.Key_Left, Mod.ShiftModifier)
    assert window.document.date == D(2030, 1, 4)
    press(window, Key.Key_Right)
    press(window, Key.Key_Right)
    press(window, Key.Key_Left)
    assert window.document.date == D(2030, 1, 5)


def test_ctrl_right_jumps_to_the_next_known_deadline(window):
    press(window, Key.Key_Right)
    press(window, Key.Key_Right, Mod.ControlModifier)
    assert window.document.date == D(2030, 2, 4)
    # by then the deadline had been moved: the banner counts down to its replacement
    assert window.workspace.banner.countdown.text() == "7 days until: Extended sale deadline, 11 Feb 2030"


def test_home_and_end_and_disabled_actions_at_the_ends(window):
    actions = window.step_actions.actions
    assert not actions[Move.FIRST].isEnabled() and not actions[Move.PREVIOUS_DAY].isEnabled()
    press(window, Key.Key_End)
    assert window.document.date == D(2030, 3, 31)
    assert not actions[Move.NEXT_EVENT].isEnabled() and not actions[Move.LAST].isEnabled()
    press(window, Key.Key_Home)
    assert window.document.date == D(2030, 1, 1)


def test_the_slider_moves_the_date(window):
    window.workspace.stepper.slider.setValue(40)
    assert window.document.date == D(2030, 2, 10)
    assert row_texts(window.workspace.in_force)[0] == "Order 1\nBlocked by a court since 10 Feb 2030"


def test_a_moved_deadline_shows_its_replacement(window):
    window.document.set_date(D(2030, 2, 2))
    assert window.workspace.banner.countdown.text() == "9 days until: Extended sale deadline, 11 Feb 2030"


def test_a_step_repaints_only_what_changed_not_the_page_in_front(window):
    """A step by day that makes no new argument leaves the Arguments page alone. The Forecasts
    tab's count used to be set again on every step, and a tab widget answers that (or any size
    request from its page) by repainting the whole page: every list, combo box and field."""
    from PySide6.QtCore import QEvent, QObject

    class Paints(QObject):
        seen: list[QObject] = []

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                self.seen.append(watched)
            return False

    arguments = window.workspace.arguments
    window.document.set_date(D(2030, 3, 1))
    made = len(window.document.timeline.arguments_made(D(2030, 3, 1)))
    assert made and len(window.document.timeline.arguments_made(D(2030, 3, 3))) == made  # no argument in between
    assert arguments.isVisible()
    QApplication.processEvents()  # the date change painted
    paints = Paints()
    for widget in (arguments, arguments.theme, arguments.weights):
        widget.installEventFilter(paints)
    press(window, Key.Key_Right, Mod.ShiftModifier)
    press(window, Key.Key_Right, Mod.ShiftModifier)
    QApplication.processEvents()
    assert window.document.date == D(2030, 3, 3)
    assert window.workspace.banner.date_label.text() == "Sun 3 Mar 2030"
    assert paints.seen == []


def test_the_banner_only_grows_while_stepping_so_the_page_below_does_not_jump(window):
    """A deadline's "then" line comes and goes with the date; the banner keeps the room it has
    needed, so the lists below stay where the student's eyes are (and are not laid out again)."""
    banner = window.workspace.banner
    heights, tops = [], []
    for _ in range(40):
        if window.document.target(Move.NEXT_EVENT) is None:
            break
        press(window, Key.Key_Right)
        QApplication.processEvents()
        assert banner.height() >= banner.layout().totalHeightForWidth(banner.width())  # every line it shows fits
        heights.append(banner.height())
        tops.append(window.workspace.events.mapTo(window, window.workspace.events.rect().topLeft()).y())
    assert len(heights) > 5 and heights == sorted(heights)
    assert tops == sorted(tops)


def test_in_a_list_home_and_end_move_the_list_and_left_and_right_still_step(window):
    """A keyboard user in a list expects Home and End to reach its first and last rows, as in every list."""
    window.document.set_date(D(2030, 3, 1))
    events = window.workspace.events.view
    events.setFocus()
    assert window.focusWidget() is events
    day = window.document.date
    press(window, Key.Key_End)
    assert events.currentIndex().row() == events.model().rowCount() - 1 and window.document.date == day
    press(window, Key.Key_Home)
    assert events.currentIndex().row() == 0 and window.document.date == day
    press(window, Key.Key_Right)
    assert window.document.date > day


def test_no_two_visible_controls_of_the_window_share_an_access_key(window):
    """Alt+letter reaches one control only: Alt+H went to the Help menu, never to the chart picker."""
    import re

    from PySide6.QtWidgets import QAbstractButton, QLabel, QTabBar

    tabs = window.workspace.tabs
    for n in range(tabs.count()):
        tabs.setCurrentIndex(n)
        QApplication.processEvents()
        texts = [action.text() for action in window.menuBar().actions()]
        texts += [tabs.tabText(i) for i in range(tabs.count())]
        texts += [w.text() for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton)
                  if w.isVisible() and not isinstance(w.parent(), QTabBar)]
        keys = [m.group(1).lower() for text in texts for m in [re.search(r"&([^&\s])", text.replace("&&", ""))] if m]
        clashes = {key for key in keys if keys.count(key) > 1}
        assert not clashes, (tabs.tabText(n), sorted(clashes))
