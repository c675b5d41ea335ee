"""Issue 13, the student's hour: each defect a real walkthrough found, with the test that shows it fixed."""

from __future__ import annotations

import datetime as D_
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from gui.app.settings import UiSettings
from tests.gui.conftest import row_texts

D = D_.date


# 1. Traceback at start with "Show later events" on

@pytest.mark.parametrize("pack", [True, False], ids=["with-pack", "start-page"])
def test_restart_with_later_events_on_raises_nothing(make_window, data_dir: Path, pack):
    settings = UiSettings(data_dir)
    settings.set("view/revealLater", True)
    settings.sync()
    window = make_window(pack=pack)  # pytest-qt fails the test on an exception raised in a slot
    assert window.reveal_action.isChecked()
    if pack:
        assert window.document.later_events_shown
        assert any(t.startswith("Later: ") for t in row_texts(window.workspace.events))
    else:
        assert not window.document.later_events_shown, "nothing is open, so nothing later is shown"


def test_resuming_the_last_scenario_with_later_events_on(make_window, data_dir: Path):
    make_window().close()
    settings = UiSettings(data_dir)
    settings.set("view/revealLater", True)
    settings.sync()
    window = make_window(pack=False)  # reopens the last scenario by itself
    assert any(t.startswith("Later: ") for t in row_texts(window.workspace.events))


# 2. The mouse wheel changes assumptions

def wheel(widget, steps: int = -1) -> None:
    from PySide6.QtCore import QPoint, QPointF
    from PySide6.QtGui import QWheelEvent
    from PySide6.QtWidgets import QApplication

    centre = QPointF(widget.rect().center())
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, 120 * steps),
                        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def test_the_wheel_scrolls_past_unfocused_sliders_and_spin_boxes(window, qtbot):
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QScrollArea, QSlider

    view = window.workspace.assumptions
    window.workspace.tabs.setCurrentWidget(view)
    window.resize(1280, 500)  # short enough that the assumptions scroll
    qtbot.wait(10)
    row = next(iter(view.rows.values()))
    scroll = next(w for w in view.findChildren(QScrollArea) if w.widget() is view.body)
    before = (row.slider.value(), row.value.value(), len(window.document.record.snapshots), window.editor.undo_stack.count())
    bar = scroll.verticalScrollBar()
    for widget in (row.slider, row.value, row.low):
        assert not widget.hasFocus()
        wheel(widget)
    assert (row.slider.value(), row.value.value(), len(window.document.record.snapshots), window.editor.undo_stack.count()) == before
    if bar.maximum() > 0:
        assert bar.value() > 0, "the page scrolled instead"
    for widget in window.findChildren(QSlider) + window.findChildren(QAbstractSpinBox) + window.findChildren(QComboBox):
        assert widget.focusPolicy() != Qt.FocusPolicy.WheelFocus, widget.accessibleName()


def test_a_focused_slider_still_takes_the_wheel(window, qtbot):
    view = window.workspace.assumptions
    window.workspace.tabs.setCurrentWidget(view)
    row = next(iter(view.rows.values()))
    row.value.setFocus()
    qtbot.waitUntil(row.value.hasFocus)
    before = row.value.value()
    wheel(row.value, 1)
    assert row.value.value() != before
