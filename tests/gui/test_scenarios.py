"""Recording assumptions: edits, undo and redo, autosave, restarts, and the scenario list."""

from __future__ import annotations

import datetime as dt
import sqlite3

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from gui.start.scenario_list import CardRole
from gui.start.scenarios_dialog import ScenariosDialog
from scenario.exchange import decode_scenario_file
from scenario.record import ArgumentWeight, AssumptionValue
from store.connection import open_store
from store.errors import StoreWriteError
from store.paths import database_path
from tests.gui.conftest import press, row_texts

D = dt.date


def set_spin(spin, value: float) -> None:
    """Type into a spin box and press Enter, as a student would."""
    spin.setFocus()
    spin.selectAll()
    QTest.keyClicks(spin, f"{value:g}")
    QTest.keyClick(spin, Qt.Key.Key_Return)


def test_editing_an_assumption_saves_it_with_a_snapshot_at_the_current_date(window, data_dir):
    window.document.set_date(D(2030, 1, 20))
    row = window.workspace.assumptions.rows["p-deal"]
    set_spin(row.value, 65)
    assert window.document.record.assumptions["p-deal"].value == 0.65
    assert row.slider.value() == 650
    window.close()
    with open_store(data_dir) as store:
        record = store.load(store.last_opened())
    assert record.assumptions["p-deal"] == AssumptionValue(value=0.65)
    assert [(s.date, s.values) for s in record.snapshots] == [(D(2030, 1, 20), {"p-deal": 0.65})]
    assert record.current_date == D(2030, 1, 20)


def test_undo_and_redo_cover_an_edit_and_name_it(window):
    row = window.workspace.assumptions.rows["users"]
    set_spin(row.value, 150)
    stack = window.editor.undo_stack
    assert stack.undoText() == "Change “Monthly users”"
    window.workspace.arguments.setFocus()
    QTest.keyClick(window.workspace.arguments, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "users" not in window.document.record.assumptions
    assert row.value.value() == 100, "the row shows the pack default again"
    stack.redo()
    assert window.document.record.assumptions["users"].value == 150


def test_a_slider_drag_is_one_undo_step(window):
    row = window.workspace.assumptions.rows["p-court"]
    for tick in (510, 520, 530, 600):
        row.slider.setValue(tick)
    assert window.editor.undo_stack.count() == 1
    window.editor.undo_stack.undo()
    assert "p-court" not in window.document.record.assumptions


def test_range_and_note_are_recorded_and_reset_returns_to_default(window):
    row = window.workspace.assumptions.rows["p-deal"]
    row.ranged.setChecked(True)
    value = window.document.record.assumptions["p-deal"]
    assert (value.low, value.value, value.high) == (0.3, 0.4, 0.5)
    row.note.setText("Buyers <b>hesitate</b>")
    QTest.keyClick(row.note, Qt.Key.Key_Return)  # the student presses Enter in the note
    assert window.document.record.assumptions["p-deal"].note == "Buyers <b>hesitate</b>"
    row.reset.click()
    assert "p-deal" not in window.document.record.assumptions
    assert not row.ranged.isChecked() and row.note.text() == ""


def test_weighing_an_argument(window):
    document = window.document
    document.set_date(D(2030, 3, 1))
    argument = document.loaded.pack.arguments[0]
    document.select(argument)
    editor = window.workspace.arguments.weights
    editor.weight.setValue(4)
    assert document.record.weights[argument.id] == ArgumentWeight(weight=4)
    assert row_texts(window.workspace.arguments.columns["for"])[0].endswith("your weight 4/5")
    assert "add up to 4 for a ban or forced sale and 0 against" in window.workspace.arguments.totals.text()
    window.editor.undo_stack.undo()
    assert argument.id not in document.record.weights
    assert editor.weight.specialValueText() == editor.weight.text()


def test_history_table_lists_one_row_per_date(window):
    rows = window.workspace.assumptions.rows
    window.document.set_date(D(2030, 1, 5))
    set_spin(rows["p-deal"].value, 50)
    set_spin(rows["p-deal"].value, 55)
    window.document.set_date(D(2030, 2, 10))
    set_spin(rows["p-deal"].value, 20)
    table = window.workspace.assumptions.history
    assert table.rowCount() == 2
    assert [table.verticalHeaderItem(r).text() for r in range(2)] == ["5 Jan 2030", "10 Feb 2030"]
    assert table.item(0, 0).text() == "55 %" and table.item(1, 0).text() == "20 %"


def test_restart_restores_the_scenario_and_its_date(make_window):
    first = make_window()
    set_spin(first.workspace.assumptions.rows["users"].value, 222)
    first.workspace.setFocus()  # in a spin box, End moves the text cursor instead
    press(first, Qt.Key.Key_End)
    first.close()
    second = make_window(pack=False)
    assert second.document.date == D(2030, 3, 31)
    assert second.workspace.assumptions.rows["users"].value.value() == 222


def test_switching_scenarios_shows_each_ones_values(window):
    document = window.document
    set_spin(window.workspace.assumptions.rows["users"].value, 250)
    first_id = document.scenario_id
    document.start_scenario(document.loaded, "Second try")
    assert window.workspace.assumptions.rows["users"].value.value() == 100
    assert window.windowTitle().startswith("Second try: ")
    document.open_scenario(first_id)
    assert window.workspace.assumptions.rows["users"].value.value() == 250


def test_undo_after_switching_brings_the_edited_scenario_back(window):
    document = window.document
    set_spin(window.workspace.assumptions.rows["users"].value, 250)
    first_id = document.scenario_id
    document.start_scenario(document.loaded, "Other")
    window.editor.undo_stack.undo()
    assert document.scenario_id == first_id
    assert "users" not in document.record.assumptions


def test_rename_duplicate_and_undoable_delete(window, qtbot):
    document = window.document
    document.start_scenario(document.loaded, "Doomed <img src=x>")
    doomed = document.scenario_id
    document.start_scenario(document.loaded, "Keeper")
    dialog = ScenariosDialog(window.editor, window.scenario_list, window)
    qtbot.addWidget(dialog)
    names = [dialog.table.model().index(r, 0).data() for r in range(dialog.table.model().rowCount())]
    assert names == ["Keeper", "Doomed <img src=x>", "Mini pack (synthetic)"]
    assert not dialog.delete_button.isEnabled(), "the open scenario cannot be deleted"
    dialog.table.selectRow(1)
    dialog.delete_button.click()
    assert [s.id for s in document.store.list_scenarios()].count(doomed) == 0
    assert window.editor.undo_stack.undoText() == "Delete “Doomed <img src=x>”"
    window.editor.undo_stack.undo()
    assert dialog.table.model().rowCount() == 3
    window.editor.rename_scenario(doomed, "Doomed <img src=x>", "Saved")
    assert document.store.load(doomed).name == "Saved"
    window.editor.undo_stack.undo()
    assert document.store.load(doomed).name == "Doomed <img src=x>"
    dialog.table.selectRow(next(r for r in range(dialog.table.model().rowCount()) if dialog.table.model().index(r, 0).data() == "Keeper"))
    dialog.duplicate_button.click()
    assert document.store.find("Keeper (copy)") is not None
    window.editor.undo_stack.undo()
    assert document.store.find("Keeper (copy)") is None


def test_a_failed_write_is_kept_in_memory_and_retried(window, monkeypatch, data_dir):
    store = window.document.store
    real = store.save_assumption

    def full_disk(*args, **kwargs):
        raise StoreWriteError("database or disk is full")

    monkeypatch.setattr(store, "save_assumption", full_disk)
    set_spin(window.workspace.assumptions.rows["users"].value, 123)
    assert window.document.record.assumptions["users"].value == 123
    assert window.save_status.text().startswith("Not saved yet: database or disk is full. 1 change(s) kept in memory")
    monkeypatch.setattr(store, "save_assumption", real)
    window.document.autosave.retry()
    assert window.save_status.text() == "All changes saved"
    window.close()
    with open_store(data_dir) as reopened:
        assert reopened.load(reopened.last_opened()).assumptions["users"].value == 123


def test_without_a_store_the_app_still_works_and_says_nothing_is_saved(make_window, monkeypatch):
    import gui.app.application

    monkeypatch.setattr(gui.app.application, "open_store_for_gui", lambda data_dir, interactive: (None, "cannot save in /nowhere (read-only)"))
    window = make_window()
    assert window.document.record is not None
    set_spin(window.workspace.assumptions.rows["users"].value, 111)
    assert window.document.record.assumptions["users"].value == 111
    assert window.save_status.text() == "Not saved: cannot save in /nowhere (read-only). Export your scenario to keep it."


def test_the_database_has_one_row_per_edit_not_a_blob(window, data_dir):
    set_spin(window.workspace.assumptions.rows["users"].value, 180)
    conn = sqlite3.connect(database_path(data_dir))
    tables = {name for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert "scenario" in tables and len(tables) >= 4


def menu_action(window, text: str):
    return next(a for a in window.menuBar().findChildren(QAction) if a.text().replace("&", "") == text)


def test_export_and_import_through_the_file_menu(window, monkeypatch, tmp_path):
    set_spin(window.workspace.assumptions.rows["users"].value, 175)
    out = tmp_path / "mine.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    menu_action(window, "Export scenario…").trigger()
    assert decode_scenario_file(out.read_bytes(), window.document.loaded.pack, out).assumptions["users"].value == 175
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(out), ""))
    first = window.document.scenario_id
    menu_action(window, "Import scenario…").trigger()
    assert window.document.scenario_id != first
    assert window.document.record.name == "Mini pack (synthetic) (2)"
    assert window.workspace.assumptions.rows["users"].value.value() == 175


def test_importing_a_hostile_file_says_why_and_changes_nothing(window, monkeypatch, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "divestiture-lab/scenario", "version": 1, "scenario": {"name": "<img src=x>", "pack_id": "mini", "extra": 1}}')
    shown = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.textFormat(), box.text(), box.informativeText())))
    before = window.document.store.list_scenarios()
    menu_action(window, "Import scenario…").trigger()
    assert window.document.store.list_scenarios() == before
    [(text_format, text, detail)] = shown
    assert text_format == Qt.TextFormat.PlainText and str(bad) in text and detail


def test_evidence_for_an_assumption_appears_from_its_date_with_its_source(window):
    window.workspace.tabs.setCurrentWidget(window.workspace.assumptions)
    row = window.workspace.assumptions.rows["users"]
    window.document.set_date(D(2030, 1, 19))
    assert row.evidence.isHidden()
    window.document.set_date(D(2030, 1, 20))
    assert row.evidence.text() == "• 20 Jan 2030: AppCo's lawsuit claims 100 million monthly users. (Test Times)"


def test_the_start_page_and_the_scenarios_dialog_list_the_same_scenarios(window, qtbot):
    document = window.document
    window.show_start_page()
    dialog = ScenariosDialog(window.editor, window.scenario_list, window)
    qtbot.addWidget(dialog)
    assert dialog.table.model() is window.start_page.scenarios.view.model()
    window.editor.rename_scenario(document.scenario_id, document.record.name, "Renamed")
    card = window.start_page.scenarios.view.model().index(0, 0).data(CardRole)
    assert card.startswith("Renamed\nMini pack (synthetic) · Explore · changed ")
    assert dialog.table.model().index(0, 0).data() == "Renamed"


def test_an_edit_touches_only_its_own_row_of_the_history(window):
    """A scenario may hold thousands of dated snapshots: an edit must not rebuild them all
    (100,000 made every edit freeze for over a second)."""
    document, view = window.document, window.workspace.assumptions
    window.workspace.tabs.setCurrentWidget(view)
    for n, day in enumerate((D(2030, 1, 5), D(2030, 1, 20), D(2030, 2, 10))):
        document.set_date(day)
        view.rows["users"].value.setValue(120 + n)
    model = view.history.model()
    events: list[str] = []
    model.modelReset.connect(lambda: events.append("reset"))
    model.rowsInserted.connect(lambda _parent, first, last: events.append(f"insert {first}-{last}"))
    model.rowsRemoved.connect(lambda _parent, first, last: events.append(f"remove {first}-{last}"))
    document.set_date(D(2030, 1, 20))
    view.rows["users"].value.setValue(150)  # the middle date's row changes
    assert events == ["remove 1-1", "insert 1-1"]
    assert [view.history.verticalHeaderItem(r).text() for r in range(3)] == ["5 Jan 2030", "20 Jan 2030", "10 Feb 2030"]
    window.editor.undo_stack.undo()
    assert view.history.rowCount() == 3 and "reset" not in events
