"""Classroom mode: spoiler-free at every date, a recorded reveal, locked and scored forecasts,
roles and prompts."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from matplotlib.text import Text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QApplication, QAbstractButton, QAbstractItemView, QComboBox, QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QTableWidget,
                               QTextEdit, QWidget)

from gui.app.main_window import MainWindow
from scenario.rules import Move
from scenario.record import Forecast
from tests.gui.conftest import press, row_texts

D = dt.date


@pytest.fixture
def classroom(window: MainWindow) -> MainWindow:
    document = window.document
    document.start_scenario(document.loaded, "Class exercise", mode="classroom")
    return window


def every_text(window: MainWindow) -> str:
    """All text a person or a screen reader could meet in the window, charts included."""
    parts = [window.windowTitle()]
    for w in window.findChildren(QWidget):
        parts.append(w.toolTip())
        if isinstance(w, QLabel | QAbstractButton):
            parts.append(w.text())
        elif isinstance(w, QLineEdit):
            parts += [w.text(), w.placeholderText()]
        elif isinstance(w, QPlainTextEdit | QTextEdit):
            parts.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            parts += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QTableWidget):
            parts += [w.item(r, c).text() for r in range(w.rowCount()) for c in range(w.columnCount()) if w.item(r, c)]
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            for r in range(model.rowCount()):
                index = model.index(r, 0)
                parts += [str(index.data() or ""), str(index.data(Qt.ItemDataRole.ToolTipRole) or "")]
    for panel in (window.workspace.charts.panel, window.workspace.assumptions.outcomes.outcomes, window.workspace.forecasts.calibration):
        if panel.figure is not None:
            parts += [t.get_text() for t in panel.figure.findobj(Text)]
    return "\n".join(parts)


def later_items(pack, day: dt.date) -> list[str]:
    """Text that only exists after `day`: none of it may be on screen on `day`."""
    return [
        *(e.title for e in pack.events if e.date > day),
        *(a.claim for a in pack.arguments if a.date > day),
        *(i.name for i in pack.instruments if i.changes[0].date > day),
        *(d.title for d in pack.deadlines if d.announced > day),
        *(q.question for q in pack.questions if q.opens > day),
        *(q.resolution for q in pack.questions if q.resolves > day),
        *(p.text for p in pack.prompts if p.date > day),
        *(d.topic for d in pack.disagreements if d.date > day),
        *(e.text for a in pack.assumptions for e in a.evidence if e.date > day),
        *(d.outcome for d in pack.deadlines if not (day > d.date or (d.ends and day >= d.ends))),
    ]


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(offset=st.integers(min_value=0, max_value=89))
def test_nothing_dated_later_is_anywhere_in_the_window(classroom, qtbot, offset):
    window = classroom
    window.workspace.tabs.setCurrentWidget(window.workspace.charts)
    qtbot.waitUntil(lambda: window.workspace.charts.panel.figure is not None)
    day = D(2030, 1, 1) + dt.timedelta(days=offset)
    window.document.set_date(day)
    qtbot.waitUntil(window.workspace.charts.shows_current_date)
    window.workspace.tabs.setCurrentWidget(window.workspace.forecasts)
    text = every_text(window)
    leaked = [item for item in later_items(window.document.loaded.pack, day) if item in text]
    assert leaked == []


def test_a_tab_in_the_background_keeps_nothing_later_when_the_date_moves_back(classroom, qtbot):
    """Hidden tabs catch up when shown, but a step back must not leave them holding what is now
    later (a prompt, a forecast question, evidence): it stays in the window, where a screen
    reader, an export or the next glance can meet it."""
    window, tabs = classroom, classroom.workspace.tabs
    pack = window.document.loaded.pack
    end = max(e.date for e in pack.events)
    window.document.set_date(end)
    for n in range(tabs.count()):  # every tab seen at the end
        tabs.setCurrentIndex(n)
        QApplication.processEvents()
    tabs.setCurrentWidget(window.workspace.arguments)
    day = D(2030, 1, 2)
    window.document.step(Move.FIRST)
    window.document.set_date(day)
    QApplication.processEvents()
    text = every_text(window)
    assert [item for item in later_items(pack, day) if item in text] == []


def test_jumping_to_the_end_asks_and_records_the_reveal(classroom, monkeypatch):
    window, document = classroom, classroom.document
    asked = []

    def answer(button_text: str):
        def exec_(box: QMessageBox) -> int:
            asked.append(box.windowTitle())
            chosen = next((b for b in box.buttons() if b.text() == button_text), None)
            if chosen is not None:
                chosen.click()
            return 0

        return exec_

    monkeypatch.setattr(QMessageBox, "exec", answer("Cancel"))
    document.set_date(D(2030, 1, 20))
    window.workspace.setFocus()
    press(window, Qt.Key.Key_End)
    assert asked == ["Reveal what happened?"] and document.date == D(2030, 1, 20), "nothing moves until the student confirms"
    assert not window.reveal_action.isEnabled()
    monkeypatch.setattr(QMessageBox, "exec", answer("Reveal what happened"))
    press(window, Qt.Key.Key_End)
    assert document.date == D(2030, 3, 31)
    assert document.record.revealed_at == D(2030, 1, 20)
    assert document.store.load(document.scenario_id).revealed_at == D(2030, 1, 20)
    assert window.reveal_action.isEnabled()
    assert window.mode_status.text() == "Classroom mode: answers revealed on 20 Jan 2030"
    assert window.editor.undo_stack.count() == 0, "a reveal cannot be undone"


def test_stepping_forward_is_free_in_classroom_mode(classroom):
    document = classroom.document
    document.ask_before_locking["classroom"] = False  # asking before a question locks is tested in test_student_hour
    assert classroom.workspace.events.title.text() == "Events so far (0)", "not how many are still to come"
    for _ in range(10):
        document.step(Move.NEXT_EVENT)
    assert document.date == D(2030, 3, 22)


def test_a_forecast_is_kept_with_its_date_locks_at_resolution_and_is_scored(classroom, qtbot):
    window, document = classroom, classroom.document
    view = window.workspace.forecasts
    window.workspace.tabs.setCurrentWidget(view)
    document.set_date(D(2030, 1, 5))
    card = view.cards["q-sold"]
    card.probability.setValue(30)
    assert document.record.forecasts["q-sold"] == Forecast(probability=0.3, made_on=D(2030, 1, 5))
    assert "No." not in card.outcome.text()
    document.set_date(D(2030, 2, 11))
    assert not card.probability.isEnabled()
    window.editor.edit_forecast(document.loaded.pack.questions[0], Forecast(probability=0.0, made_on=D(2030, 2, 11)))
    assert document.record.forecasts["q-sold"].probability == 0.3, "a locked forecast cannot be changed"
    assert "Resolved 11 Feb 2030, answer: No." in card.outcome.text() and "No sale happened." in card.outcome.text()
    assert "Your Brier score: 0.090" in card.outcome.text()
    assert "Your mean Brier score: 0.090; always answering 50% would score 0.250" in view.summary.text()
    document.set_date(D(2030, 2, 1))
    assert not card.probability.isEnabled(), "stepping back after seeing the answer does not reopen it"
    assert "No sale happened" not in card.outcome.text() and "Locked" in card.outcome.text()


def test_role_brief_marks_its_arguments_and_prompts_take_answers(classroom, qtbot):
    window, document = classroom, classroom.document
    view = window.workspace.role
    window.workspace.tabs.setCurrentWidget(view)
    document.set_date(D(2030, 1, 5))
    view.role.setCurrentIndex(view.role.findData("r-exec"))
    assert document.record.role == "r-exec"
    assert view.role_text.text().startswith("You advise the executive.\n\nObjectives:\n• Protect data")
    window.workspace.tabs.setCurrentWidget(window.workspace.arguments)  # the lists a student would turn to
    assert "★ Your role's side" in row_texts(window.workspace.arguments.columns["for"])[0]
    window.workspace.tabs.setCurrentWidget(view)
    editor = view.editors["p-1"]
    editor.answer.setPlainText("Sell <b>now</b>")
    qtbot.waitUntil(lambda: document.record.answers.get("p-1") == "Sell <b>now</b>")
    assert document.store.load(document.scenario_id).answers["p-1"] == "Sell <b>now</b>"


def test_a_scenario_opened_with_a_role_shows_that_role(window):
    document = window.document
    document.start_scenario(document.loaded, "With a role", mode="classroom", role="r-exec")
    view = window.workspace.role
    window.workspace.tabs.setCurrentWidget(view)
    assert view.role.currentData() == "r-exec"
    assert view.role_text.text().startswith("You advise the executive.")
