"""WCAG 2.1.1 Keyboard, 2.4.3 Focus order and 2.4.7 Focus visible: the whole exercise done with
keys alone, as a student without a mouse does it. Every user action here is a key event sent to
the widget that has focus (QTest), never a method call or a click; only the system's file dialog
is replaced, by the path a student would type into it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QPoint, QRect, Qt, QTimer
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from gui.app.main_window import MainWindow
from scenario.submission import decode_submission

Key = Qt.Key
CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
NONE = Qt.KeyboardModifier.NoModifier


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "focus is nowhere: a keyboard user is lost"
    return widget


def key(k: Key, modifier: Qt.KeyboardModifier = NONE, times: int = 1) -> None:
    for _ in range(times):
        QTest.keyClick(focused(), k, modifier)


def type_text(text: str) -> None:
    QTest.keyClicks(focused(), text)


def tab_to(target: QWidget, limit: int = 40) -> int:
    """Tab until `target` has focus, as a student would; how many presses it took."""
    for presses in range(1, limit + 1):
        key(Key.Key_Tab)
        if focused() is target:
            return presses
    raise AssertionError(f"{target.accessibleName() or target} cannot be reached with Tab")


def in_dialog(qtbot, act: Callable[[QWidget], None]) -> None:
    """`act` on the modal dialog the next key opens, once it has the keyboard."""

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert dialog is not None, "no dialog opened"
        qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
        act(dialog)

    QTimer.singleShot(0, run)


def test_the_whole_exercise_by_keyboard(make_window, qtbot, tmp_path, monkeypatch) -> None:
    window: MainWindow = make_window(pack=False)
    document = window.document

    # the start page: the pack list has the keyboard; Enter starts a scenario on the chosen pack
    assert focused() is window.start_page.packs.view

    def new_scenario(dialog) -> None:
        assert focused() is dialog.name
        key(Key.Key_A, CTRL)
        type_text("Keyboard run")
        key(Key.Key_Tab)  # the mode: Explore
        key(Key.Key_Tab)  # the role
        assert focused() is dialog.role
        key(Key.Key_Down)
        key(Key.Key_Return)

    in_dialog(qtbot, new_scenario)
    key(Key.Key_Return)
    assert document.record is not None and document.record.name == "Keyboard run" and document.record.role == "r-exec"
    window.activateWindow()  # what the window manager does as the dialog closes (offscreen has none)
    qtbot.waitUntil(window.isActiveWindow)
    assert focused() is window.workspace.stepper.buttons[3], "the keyboard starts on the stepper: Next day"

    # step: next event twice, with the window's keys
    start = document.date
    key(Key.Key_Right, times=2)
    assert document.date == dt.date(2030, 1, 20) > start

    # Arguments: the tab by its shortcut, Tab into the For column, an argument, its weight
    key(Key.Key_1, CTRL)
    arguments = window.workspace.arguments
    assert focused() is window.workspace.tabs.tabBar()
    tab_to(arguments.columns["for"].view)
    key(Key.Key_Space)  # selects the row the focus is on
    argument = arguments.weights.argument
    assert argument is not None and argument.side == "for"
    tab_to(arguments.weights.weight)
    key(Key.Key_A, CTRL)
    type_text("4")
    key(Key.Key_Return)
    assert document.record.weights[argument.id].weight == 4

    # Your assumptions: the first one set in its unit
    key(Key.Key_2, CTRL)
    row = window.workspace.assumptions.rows["p-deal"]
    tab_to(row.value)
    key(Key.Key_A, CTRL)
    type_text("70")
    key(Key.Key_Return)
    assert document.record.assumptions["p-deal"].value == 0.7

    # Forecasts: a probability and a reason
    key(Key.Key_4, CTRL)
    card = window.workspace.forecasts.cards["q-sold"]
    qtbot.waitUntil(card.isVisible)  # built as the tab first shows, and shown as the event loop turns, as between keys
    tab_to(card.probability)
    key(Key.Key_A, CTRL)
    type_text("60")
    key(Key.Key_Tab)
    assert focused() is card.reason
    type_text("The deadline is near")
    key(Key.Key_Tab)
    forecast = document.record.forecasts["q-sold"]
    assert forecast.probability == 0.6 and forecast.reason == "The deadline is near"

    # Role & prompts: answer the prompt; Tab leaves the answer box (it does not type a tab)
    key(Key.Key_5, CTRL)
    answer = window.workspace.role.editors["p-1"].answer
    qtbot.waitUntil(answer.isVisible)
    tab_to(answer)
    type_text("Data, not speech.")
    key(Key.Key_Tab)
    assert focused() is not answer
    qtbot.waitUntil(lambda: document.record.answers.get("p-1") == "Data, not speech.")

    # Export the submission: the name asked in the app's dialog, the file named in the system's
    out = tmp_path / "keyboard-run.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(out), ""))

    def your_name(dialog) -> None:
        type_text("Kim Keys")
        key(Key.Key_Return)

    in_dialog(qtbot, your_name)
    key(Key.Key_E, CTRL | SHIFT)
    submission = decode_submission(out.read_bytes(), out)
    assert submission.student == "Kim Keys"
    handed_in = submission.content.scenario
    assert handed_in.weights[argument.id].weight == 4 and handed_in.assumptions["p-deal"].value == 0.7
    assert handed_in.forecasts["q-sold"].probability == 0.6 and handed_in.answers["p-1"] == "Data, not speech."


def _chain_from(first: QWidget) -> list[tuple[QWidget, bool]]:
    """The widgets Tab visits from `first` until it comes back round, each with whether it looked
    different while it had the focus (grabbed with the focus, then again once Tab moved on)."""
    tab_to(first)
    window = first.window()

    def seen(widget: QWidget) -> QImage:  # the widget as on screen, with a margin for a frame drawn round it
        return window.grab(QRect(widget.mapTo(window, QPoint(0, 0)), widget.size()).adjusted(-3, -3, 3, 3)).toImage()

    chain: list[tuple[QWidget, bool]] = []
    for _ in range(60):
        widget = focused()
        with_focus = seen(widget)
        key(Key.Key_Tab)
        if focused() is widget:  # a text browser takes one Tab for its links
            key(Key.Key_Tab)
        chain.append((widget, with_focus != seen(widget)))
        if focused() is first:
            return chain
    raise AssertionError("Tab never comes back round: a keyboard trap")


def test_tab_follows_reading_order_and_focus_is_always_visible(window: MainWindow, qtbot) -> None:
    """Top to bottom, left to right: the stepper, the left pane (in force, events, detail), then the
    tabs and the page in front. Each stop looks different while it has the focus."""
    window.document.set_date(dt.date(2030, 1, 20))
    window.document.set_date(dt.date(2030, 2, 1))  # every step button enabled: there is a before and an after
    workspace, stepper = window.workspace, window.workspace.stepper
    buttons = [b for b in stepper.buttons if b.isEnabled()]
    arguments = workspace.arguments
    arguments.columns["for"].view.setCurrentIndex(arguments.columns["for"].model.index(0))  # an argument to weigh
    expected = [*buttons[:3], stepper.slider, *buttons[3:], workspace.in_force.view, workspace.events.view, workspace.detail,
                workspace.tabs.tabBar(), arguments.theme, arguments.stakeholder, arguments.columns["for"].view,
                arguments.columns["against"].view, arguments.weights.weight, arguments.weights.note]
    assert len(buttons) == 7
    chain = _chain_from(buttons[0])
    widgets = [widget for widget, _ in chain]
    assert [w.accessibleName() or type(w).__name__ for w in widgets] == [w.accessibleName() or type(w).__name__ for w in expected]
    # reading order, checked by place too: the top row left to right, then the left pane downwards
    top = [w.mapTo(window, w.rect().topLeft()) for w in widgets[:8]]
    assert [p.x() for p in top] == sorted(p.x() for p in top)
    left = [w.mapTo(window, w.rect().topLeft()) for w in widgets[8:11]]
    assert [p.y() for p in left] == sorted(p.y() for p in left)
    unmarked = [w.accessibleName() or type(w).__name__ for w, shows in chain if not shows]
    assert not unmarked, f"the focus does not show on: {unmarked}"
