"""Nothing typed is lost on a normal quit, and what could not be saved is put to the user.

Each test types as a student does (focus in the field, keys, no Enter) and then quits; the
text must be in the database the next run opens. The store closing before a field's own
`editingFinished` used to lose it, with "Cannot operate on a closed database" on stderr.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from gui.app.main_window import MainWindow
from gui.widgets.typed_text import commit_typed_text
from store.errors import StoreWriteError
from tests.gui.conftest import press

D = dt.date


def type_into(window: MainWindow, widget: QWidget, text: str) -> None:
    """Focus the field as a click would, then type: no Enter, no Tab."""
    widget.setFocus(Qt.FocusReason.MouseFocusReason)
    assert window.focusWidget() is widget
    QTest.keyClicks(widget, text)


def reopened(make_window, first: MainWindow):
    first.close()
    assert not first.isVisible()
    return make_window(pack=False).document.record


def test_an_assumption_note_typed_without_enter_survives_quit(make_window):
    window = make_window()
    window.workspace.tabs.setCurrentWidget(window.workspace.assumptions)
    type_into(window, window.workspace.assumptions.rows["users"].note, "because of the lawsuit")
    assert reopened(make_window, window).assumptions["users"].note == "because of the lawsuit"


def test_a_weight_note_typed_without_enter_survives_quit(make_window):
    window = make_window()
    window.document.set_date(D(2030, 3, 1))
    argument = window.document.timeline.arguments_made(D(2030, 3, 1))[0]
    window.document.select(argument)
    window.workspace.arguments.weights.weight.setValue(4)
    type_into(window, window.workspace.arguments.weights.note, "strong evidence")
    assert reopened(make_window, window).weights[argument.id].note == "strong evidence"


def test_a_forecast_reason_typed_without_enter_survives_quit(make_window):
    window = make_window()
    window.document.set_date(D(2030, 1, 10))
    forecasts = window.workspace.forecasts
    window.workspace.tabs.setCurrentWidget(forecasts)
    card = forecasts.cards["q-sold"]
    card.probability.setValue(30)
    type_into(window, card.reason, "no buyer yet")
    assert reopened(make_window, window).forecasts["q-sold"].reason == "no buyer yet"


def test_a_prompt_answer_typed_just_before_quit_survives(make_window):
    window = make_window()
    window.document.set_date(D(2030, 1, 10))
    role = window.workspace.role
    window.workspace.tabs.setCurrentWidget(role)
    type_into(window, role.editors["p-1"].answer, "Advise a sale")  # quit before the save timer fires
    press(window, Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier)
    assert not window.isVisible()
    assert make_window(pack=False).document.record.answers["p-1"] == "Advise a sale"


@pytest.fixture
def refusing_disk(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> MainWindow:
    """Every save fails, as on a full disk: edits stay in memory, retried."""
    def refuse(*_args: object) -> None:
        raise StoreWriteError("the disk is full: the last change was not saved")

    monkeypatch.setattr(window.document.store, "save_assumption", refuse)
    window.workspace.assumptions.rows["users"].value.setValue(222)
    assert len(window.document.autosave.pending) == 1
    return window


def answer_with(monkeypatch: pytest.MonkeyPatch, button: str, asked: list[str]) -> None:
    def exec_(box: QMessageBox) -> int:
        asked.append(box.text())
        next(b for b in box.buttons() if b.text() == button).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)


def test_unsaved_changes_are_put_to_the_user_and_cancel_keeps_the_window(refusing_disk, monkeypatch):
    asked: list[str] = []
    answer_with(monkeypatch, "Cancel", asked)
    refusing_disk.close()
    assert asked == ["1 change(s) could not be saved: the disk is full: the last change was not saved."]
    assert refusing_disk.isVisible() and refusing_disk.document.store is not None
    answer_with(monkeypatch, "Quit without saving them", [])  # let the test's teardown close it


def test_unsaved_changes_can_be_exported_before_quitting(refusing_disk, monkeypatch, tmp_path: Path):
    out = tmp_path / "kept.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
    answer_with(monkeypatch, "Export scenario…", [])
    refusing_disk.close()
    assert not refusing_disk.isVisible()
    assert json.loads(out.read_text(encoding="utf-8"))["scenario"]["assumptions"]["users"]["value"] == 222


def test_unsaved_changes_are_dropped_only_when_the_user_says_so(refusing_disk, monkeypatch):
    answer_with(monkeypatch, "Quit without saving them", [])
    refusing_disk.close()
    assert not refusing_disk.isVisible() and refusing_disk.document.store is None


def test_a_data_folder_that_cannot_be_written_shows_the_saved_work_read_only(make_window, monkeypatch):
    first = make_window()
    first.workspace.assumptions.rows["users"].value.setValue(222)
    first.close()
    from store.lock import DataDirLock

    def refuse(_lock: DataDirLock) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(DataDirLock, "acquire", refuse)
    window = make_window(pack=False)
    assert [s.name for s in window.document.saved_scenarios()] == ["Mini pack (synthetic)"]  # not "No saved scenarios yet"
    assert window.save_status.text().startswith("Not saved: cannot use the data folder")
    assert "read-only" in window.save_status.text()
    window.document.open_scenario(window.document.saved_scenarios()[0].id)
    assert window.workspace.assumptions.rows["users"].value.value() == 222
    window.workspace.assumptions.rows["users"].value.setValue(100)  # kept in memory, and asked about at quit
    asked: list[str] = []
    answer_with(monkeypatch, "Cancel", asked)
    window.close()
    assert asked and window.isVisible()
    answer_with(monkeypatch, "Quit without saving them", [])
    window.close()
    assert not window.isVisible()


class _DamagedConnection:
    """The database file damaged under the running app: every statement fails as SQLite's would."""

    def execute(self, *_args: object) -> None:
        import sqlite3

        raise sqlite3.DatabaseError("database disk image is malformed")

    def close(self) -> None:
        pass


def test_a_database_damaged_while_running_is_reported_once_and_work_goes_on(window, monkeypatch):
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)
    document = window.document
    monkeypatch.setattr(document.store, "_conn", _DamagedConnection())
    assert document.saved_scenarios() == []  # File > Scenarios, the start page, Resume: no uncaught error
    assert asked and "cannot be read (database disk image is malformed)" in asked[0]
    assert window.save_status.text().startswith("Not saved: your saved scenarios cannot be read")
    document.start_scenario(document.loaded, "After the damage")  # New scenario still works, in memory
    assert document.record.name == "After the damage" and document.scenario_id is None
    assert len(asked) == 1



# Typed text belongs to the scenario it was typed in. Opening another scenario (File > Scenarios,
# New scenario, Import) while a field still holds unsaved typing used to carry it across: the
# answer's save timer fired into the scenario just opened, and a focused note kept the old
# scenario's text, to be saved into the new one when focus left.

def test_a_prompt_answer_typed_just_before_opening_another_scenario_stays_with_its_own(make_window):
    window = make_window()
    document = window.document
    first = document.scenario_id
    document.set_date(D(2030, 1, 10))
    role = window.workspace.role
    window.workspace.tabs.setCurrentWidget(role)
    type_into(window, role.editors["p-1"].answer, "Advise a sale")  # the save timer is still waiting
    document.start_scenario(document.loaded, "Second")
    document.set_date(D(2030, 1, 10))
    second = document.scenario_id
    commit_typed_text(window)  # whatever was still waiting to be saved would go now, as on quit
    assert document.store.load(first).answers.get("p-1") == "Advise a sale"
    assert document.store.load(second).answers.get("p-1", "") == ""
    assert role.editors["p-1"].answer.toPlainText() == ""  # the new scenario's (empty) answer is shown


def test_a_note_being_typed_when_another_scenario_opens_is_saved_to_its_own_and_not_shown_in_the_new(make_window):
    window = make_window()
    document = window.document
    first = document.scenario_id
    window.workspace.tabs.setCurrentWidget(window.workspace.assumptions)
    note = window.workspace.assumptions.rows["users"].note
    type_into(window, note, "because of the lawsuit")
    document.start_scenario(document.loaded, "Second")
    assert window.workspace.assumptions.rows["users"].note.text() == ""  # the new scenario's (empty) note
    note.clearFocus()  # focus leaves the field typed in: nothing may be saved into the new scenario
    assert document.store.load(first).assumptions["users"].note == "because of the lawsuit"
    assert "users" not in document.store.load(document.scenario_id).assumptions
