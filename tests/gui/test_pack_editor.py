"""The pack editor, driven as an author drives it: through its forms, tables, menus and message boxes."""

from __future__ import annotations

import copy
import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from gui.app.application import pack_editor_window, preview_window
from gui.pack_editor import file_commands
from gui.pack_editor.controls import (
    BoolControl, ChoiceControl, DateControl, LineControl, LinesControl, LongTextControl, NumberControl, OptionalControl,
    RefsControl,
)
from gui.pack_editor.outcome_tree import UNFINISHED
from gui.pack_editor.window import PackEditorWindow
from scenario.authoring.fields import SECTIONS
from scenario.pack import MAX_PACK_BYTES, LoadedPack, load_pack
from store.pack_files import previous_path
from store.paths import user_packs_dir
from tests.conftest import MINI_PACK
from tests.gui.conftest import row_texts


@pytest.fixture
def pack_file(tmp_path: Path) -> Path:
    """The synthetic pack, copied where the author keeps their own packs."""
    folder = tmp_path / "mine"
    folder.mkdir()
    return Path(shutil.copy(MINI_PACK, folder / "mini.json"))


@pytest.fixture
def open_editor(qtbot, data_dir: Path, packs_dir: Path):
    def make(file: Path | None) -> PackEditorWindow:
        window = pack_editor_window(data_dir, file, packs_dir=packs_dir)
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # the test still looks at it after close
        qtbot.addWidget(window, before_close_func=lambda w: w.setWindowModified(False))  # closed by the test's end: nothing to ask
        window.show()
        return window

    return make


@pytest.fixture
def editor(open_editor, pack_file: Path) -> PackEditorWindow:
    return open_editor(pack_file)


def section(window: PackEditorWindow, label: str, row: int = 0) -> None:
    window.show_section(next(s for s in SECTIONS if s.label == label))
    window.select_row(row)


def answer(monkeypatch, *answers: QMessageBox.StandardButton) -> list[str]:
    """Answer the next message boxes in turn; returns the texts they showed."""
    shown: list[str] = []
    left = list(answers)

    def exec_(box: QMessageBox) -> int:
        shown.append(f"{box.text()} {box.informativeText()}")
        return int(left.pop(0).value) if left else int(QMessageBox.StandardButton.Ok.value)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


def errors(window: PackEditorWindow) -> list:
    window.document.check_now()
    return window.document.errors


# Edits through the form: one per kind of control. Each gives a valid pack, and undo restores it exactly.

def _type_title(window: PackEditorWindow) -> Path:
    section(window, "Events", 1)
    control = window.form.controls["title"]
    assert isinstance(control, LineControl)
    control.edit.selectAll()
    QTest.keyClicks(control.edit, "Order 2 is signed")
    return ("events", 1, "title")


def _long_text(window):
    section(window, "Events", 1)
    control = window.form.controls["detail"]
    assert isinstance(control, LongTextControl)
    control.edit.setPlainText("A longer account of the day.")
    assert control.count.text() == "28 / 4000"
    return ("events", 1, "detail")


def _date(window):
    section(window, "Events", 1)
    control = window.form.controls["date"]
    assert isinstance(control, DateControl)
    control.edit.setDate(control.edit.date().addDays(1))
    return ("events", 1, "date")


def _choice(window):
    section(window, "Events", 1)
    control = window.form.controls["kind"]
    assert isinstance(control, ChoiceControl)
    control.combo.setCurrentIndex(control.combo.findText("statement"))
    control.combo.activated.emit(control.combo.currentIndex())
    return ("events", 1, "kind")


def _reference(window):
    section(window, "Arguments", 0)
    control = window.form.controls["stakeholder"]
    assert isinstance(control, ChoiceControl)
    other = next(n for n in range(control.combo.count()) if n != control.combo.currentIndex())
    control.combo.setCurrentIndex(other)
    control.combo.activated.emit(other)
    return ("arguments", 0, "stakeholder")


def _references(window):
    section(window, "Events", 1)
    control = window.form.controls["sources"]
    assert isinstance(control, RefsControl)
    unticked = next(control.list.item(n) for n in range(control.list.count()) if control.list.item(n).checkState() == Qt.CheckState.Unchecked)
    unticked.setCheckState(Qt.CheckState.Checked)
    return ("events", 1, "sources")


def _bool(window):
    section(window, "Sources", 0)
    control = window.form.controls["primary"]
    assert isinstance(control, BoolControl)
    control.box.click()
    return ("sources", 0, "primary")


def _number(window):
    section(window, "Assumptions", 0)
    control = window.form.controls["default"]
    assert isinstance(control, NumberControl)
    control.box.setValue(0.55)
    return ("assumptions", 0, "default")


def _optional(window):
    section(window, "Deadlines", 0)
    control = window.form.controls["ends"]
    assert isinstance(control, OptionalControl)
    control.given.click()  # untick: the field is left out
    return ("deadlines", 0, "ends")


def _lines(window):
    section(window, "Roles", 0)
    control = window.form.controls["objectives"]
    assert isinstance(control, LinesControl)
    control.edit.setPlainText("Protect data\nKeep the app running")
    return ("roles", 0, "objectives")


def _nested_record(window):
    section(window, "Instruments", 0)
    nested = window.form.nested["changes"]
    last = nested.model.rowCount() - 1
    nested.table.setCurrentIndex(nested.model.index(last, 1))
    nested.form.controls["note"].edit.selectAll()
    QTest.keyClicks(nested.form.controls["note"].edit, "Replaced")
    return ("instruments", 0, "changes", last, "note")


@pytest.mark.parametrize("edit", [_type_title, _long_text, _date, _choice, _reference, _references, _bool, _number, _optional,
                                  _lines, _nested_record], ids=lambda f: f.__name__.strip("_"))
def test_an_edit_through_the_form_gives_a_valid_pack_and_undo_restores_it(editor: PackEditorWindow, edit):
    before = copy.deepcopy(editor.document.tree)
    path = edit(editor)
    assert editor.document.get(path) != _get(before, path)
    assert errors(editor) == []
    assert editor.isWindowModified()
    assert editor.editor.undo_stack.count() == 1  # typing merges into one step
    editor.editor.undo_stack.undo()
    assert editor.document.tree == before
    assert json.dumps(editor.document.tree) == json.dumps(before)  # key order too
    assert not editor.isWindowModified()


def _get(tree, path):
    for step in path:
        try:
            tree = tree[step]
        except (KeyError, IndexError):
            return None
    return tree


def test_undo_shows_the_old_value_in_the_form(editor: PackEditorWindow):
    path = _type_title(editor)
    old = _get(json.loads(MINI_PACK.read_text()), path)
    editor.editor.undo_stack.undo()
    assert editor.form.controls["title"].edit.text() == old
    assert editor.table.model().index(1, 1).data() == old


def test_a_new_row_gets_an_id_from_its_title_and_is_selected(editor: PackEditorWindow):
    section(editor, "Events", 3)
    editor.add_buttons[0].click()
    assert editor.document.get(("events", 4, "id")) == "new-event"
    assert editor.current_path() == ("events", 4)
    editor.add_buttons[0].click()
    assert editor.document.get(("events", 5, "id")) == "new-event-2"
    editor.duplicate_row()
    assert editor.document.get(("events", 6, "id")) == "new-event-3"
    editor.remove_row()
    assert len(editor.document.get(("events",))) == 6


def test_the_id_is_offered_from_the_title(editor: PackEditorWindow):
    _type_title(editor)
    editor.form.offer_id()
    assert editor.document.get(("events", 1, "id")) == "order-2-is-signed"


def test_the_outcome_tree_marks_a_node_that_does_not_end_in_an_outcome(editor: PackEditorWindow, qtbot):
    section(editor, "Outcome model")
    editor.add_buttons[0].click()  # a new node whose branches name nothing yet
    with qtbot.waitSignal(editor.document.findingsChanged):
        pass
    texts = []

    def walk(item):
        texts.append(item.text(0))
        for n in range(item.childCount()):
            walk(item.child(n))

    for n in range(editor.outcome_tree.topLevelItemCount()):
        walk(editor.outcome_tree.topLevelItem(n))
    marked = [t for t in texts if UNFINISHED in t]
    assert marked and all("new-chance-node" in t for t in marked)


# Problems

@pytest.mark.parametrize(("break_it", "path", "label", "row", "control"), [
    (lambda t: t["events"][2].update(title=""), ("events", 2, "title"), "Events", 2, "title"),
    (lambda t: t["events"][1].update(sources=["nowhere"]), ("events", 1, "sources", 0), "Events", 1, "sources"),
    (lambda t: t["deadlines"][1].update(set_by="nothing"), ("deadlines", 1, "set_by"), "Deadlines", 1, "set_by"),
    (lambda t: t.update(start="2031-01-01"), ("start",), "Pack", 0, "start"),
    (lambda t: t["outcome_model"].update(root="nowhere"), ("outcome_model", "root"), "Outcome model", 0, "root"),
])
def test_a_problem_jumps_to_its_row_and_field(editor: PackEditorWindow, break_it, path, label, row, control):
    break_it(editor.document.tree)
    editor.document.check_now()
    panel = editor.problems
    item = next(panel.topLevelItem(n) for n in range(panel.topLevelItemCount()) if panel.topLevelItem(n).data(0, Qt.ItemDataRole.UserRole + 1) == path)
    panel.itemClicked.emit(item, 0)
    assert editor.section.label == label
    assert editor.table.currentIndex().row() == row or label == "Pack"
    focused = QApplication.focusWidget()
    assert focused is not None and editor.form.controls[control].isAncestorOf(focused)


def test_a_problem_in_a_nested_record_jumps_to_its_item(editor: PackEditorWindow):
    editor.document.tree["instruments"][1]["changes"][0]["note"] = ""
    editor.document.check_now()
    editor.go_to(("instruments", 1, "changes", 0, "note"))
    nested = editor.form.nested["changes"]
    assert (editor.table.currentIndex().row(), nested.table.currentIndex().row()) == (1, 0)
    assert nested.form.controls["note"].isAncestorOf(QApplication.focusWidget())


def test_the_title_counts_the_problems_and_marks_unsaved_changes(editor: PackEditorWindow, qtbot):
    assert editor.windowTitle() == "Pack editor — Mini pack (synthetic) — no problems[*]"
    _long_text(editor)
    editor.document.tree["events"][0]["title"] = ""
    with qtbot.waitSignal(editor.document.findingsChanged, timeout=2000):  # the debounced re-check
        editor.editor.edit_value(("events", 1, "title"), "", typing=True)
    assert editor.windowTitle().endswith("— 2 problems[*]") and editor.isWindowModified()


# Files

def test_save_keeps_the_previous_version_beside_the_file(editor: PackEditorWindow, pack_file: Path):
    before = pack_file.read_bytes()
    _type_title(editor)
    assert file_commands.save(editor)
    assert previous_path(pack_file).read_bytes() == before
    assert load_pack(pack_file).pack.events[1].title == "Order 2 is signed"
    assert not editor.isWindowModified()


def test_a_pack_with_errors_is_saved_as_a_draft_when_the_author_agrees(editor: PackEditorWindow, pack_file: Path, monkeypatch):
    before = pack_file.read_bytes()
    editor.editor.edit_value(("events", 1, "title"), "")
    shown = answer(monkeypatch, QMessageBox.StandardButton.Save)
    assert file_commands.save(editor)
    draft = pack_file.with_name("mini.draft.json")
    assert "1 error" in shown[0] and json.loads(draft.read_text())["events"][1]["title"] == ""
    assert pack_file.read_bytes() == before
    assert editor.document.file == draft


def test_a_draft_saved_once_its_errors_are_fixed_is_published_and_leaves_the_start_page(editor, pack_file: Path, monkeypatch, data_dir):
    """The draft becomes the pack; the draft file is moved aside (kept as .previous), so packs
    list the published pack alone, not it beside its greyed-out draft."""
    from scenario.pack import discover_packs

    editor.editor.edit_value(("events", 1, "title"), "")
    answer(monkeypatch, QMessageBox.StandardButton.Save)
    assert file_commands.save(editor)
    draft = pack_file.with_name("mini.draft.json")
    pack_file.unlink()  # a pack that was only ever a draft
    editor.editor.edit_value(("events", 1, "title"), "Order 2 is signed")
    assert file_commands.save(editor)
    assert editor.document.file == pack_file and load_pack(pack_file).pack.events[1].title == "Order 2 is signed"
    assert not draft.exists() and json.loads(previous_path(draft).read_text())["events"][1]["title"] == ""
    assert [(e.path.name, e.draft) for e in discover_packs(pack_file.parent)] == [("mini.json", False)]


def test_an_installed_pack_is_never_overwritten(open_editor, packs_dir: Path, monkeypatch):
    installed = packs_dir / "mini.json"
    before = installed.read_bytes()
    window = open_editor(installed)
    _type_title(window)
    shown = answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not file_commands.save(window)
    assert "cannot be overwritten" in shown[0] and installed.read_bytes() == before


def test_save_as_new_pack_asks_for_a_free_id(editor: PackEditorWindow, data_dir: Path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    ids = iter(["mini", "my-pack"])  # "mini" is installed
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (next(ids), True))
    shown = answer(monkeypatch)
    assert file_commands.save_as_new(editor)
    assert "already installed" in shown[0]
    saved = user_packs_dir(data_dir) / "my-pack.json"
    assert load_pack(saved).pack.id == "my-pack" and editor.document.file == saved


@pytest.mark.parametrize(("content", "words"), [(b"{not json", "not valid JSON"), (b"[1, 2]", "not a pack"),
                                                (b" " * (MAX_PACK_BYTES + 1), "larger than")])
def test_a_file_that_is_not_a_pack_gives_a_message_and_changes_nothing(editor: PackEditorWindow, tmp_path: Path, monkeypatch, content, words):
    bad = tmp_path / "bad.json"
    bad.write_bytes(content)
    before, file = copy.deepcopy(editor.document.tree), editor.document.file
    shown = answer(monkeypatch)
    assert not file_commands.open_pack(editor, bad)
    assert str(bad) in shown[0] and words in shown[0]
    assert editor.document.tree == before and editor.document.file == file


@pytest.mark.parametrize(("choice", "closes", "saved"), [
    (QMessageBox.StandardButton.Discard, True, False),
    (QMessageBox.StandardButton.Save, True, True),
    (QMessageBox.StandardButton.Cancel, False, False),
])
def test_closing_with_unsaved_changes_asks_first(editor: PackEditorWindow, pack_file: Path, monkeypatch, choice, closes, saved):
    before = pack_file.read_bytes()
    _type_title(editor)
    shown = answer(monkeypatch, choice)
    assert editor.close() is closes
    assert shown and "not saved" in shown[0]
    assert (pack_file.read_bytes() != before) is saved


def test_closing_without_changes_asks_nothing(editor: PackEditorWindow):
    assert editor.close()  # the autouse fixture fails any message box


def test_a_new_pack_starts_valid_and_its_first_save_asks_for_an_id(open_editor, data_dir: Path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    window = open_editor(None)
    assert errors(window) == []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("first-pack", True))
    assert file_commands.save(window)
    assert load_pack(user_packs_dir(data_dir) / "first-pack.json").pack.id == "first-pack"


# Preview

def test_the_preview_opens_classroom_mode_at_the_date_and_role_and_writes_nothing(qtbot, data_dir: Path, tmp_path: Path):
    loaded = load_pack(MINI_PACK)
    preview = preview_window(LoadedPack(Path("unsaved pack"), loaded.pack, loaded.digest), dt.date(2030, 2, 10), "r-exec")
    qtbot.addWidget(preview)
    document = preview.document
    assert (document.record.mode, document.record.role, document.date) == ("classroom", "r-exec", dt.date(2030, 2, 10))
    assert document.store is None and document.scenario_id is None
    document.set_date(dt.date(2030, 3, 1))
    preview.close()
    assert not data_dir.exists()  # the student's data folder was never created, let alone written


# From the main window

def test_file_new_pack_in_the_main_window_opens_the_editor_and_quitting_asks_about_its_changes(window, qtbot, monkeypatch):
    new = next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "New &pack…")
    new.trigger()
    editor = window.pack_editors[0]
    assert isinstance(editor, PackEditorWindow) and editor.isVisible()
    editor.editor.edit_value(("title",), "My pack")
    answer(monkeypatch, QMessageBox.StandardButton.Cancel)
    assert not window.close()  # the author chose to stay with their unsaved pack
    answer(monkeypatch, QMessageBox.StandardButton.Discard)
    assert window.close()


def test_file_edit_pack_opens_the_chosen_file(window, pack_file: Path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(pack_file), ""))
    edit = next(a for a in window.menuBar().actions()[0].menu().actions() if a.text() == "Edit pac&k…")
    edit.trigger()
    editor = window.pack_editors[0]
    assert editor.document.file == pack_file and editor.windowTitle().startswith("Pack editor — Mini pack (synthetic)")


# Import events from CSV

def test_imported_events_and_sources_are_one_undo_step(editor: PackEditorWindow, monkeypatch):
    from gui.pack_editor import csv_import_dialog
    from scenario.authoring.csv_events import read_events_csv

    sheet = ("date,title,detail,kind,source_url,publisher\n"
             "2030-01-10,Talks begin,The parties meet.,negotiation,https://example.org/talks,Test Times\n"
             "2030-13-01,Bad date,d,court,https://example.org/a,P\n").encode()
    before = copy.deepcopy(editor.document.tree)
    found = read_events_csv(sheet, editor.document.tree, "timeline.csv")
    assert len(found.events) == 1 and len(found.rejected) == 1
    monkeypatch.setattr(csv_import_dialog, "ask_csv_import", lambda parent, pack: found)
    file_commands.import_csv(editor)
    assert editor.document.get(("events", 4, "title")) == "Talks begin"
    assert errors(editor) == []
    assert editor.editor.undo_stack.count() == 1
    editor.editor.undo_stack.undo()
    assert editor.document.tree == before


def test_preview_refuses_a_pack_with_errors_and_names_them(editor: PackEditorWindow, monkeypatch):
    opened = []
    editor.preview = lambda *args: opened.append(args)
    editor.editor.edit_value(("events", 1, "sources"), ["nowhere"])
    shown = answer(monkeypatch)
    file_commands.preview(editor)
    assert opened == [] and "unknown source 'nowhere'" in shown[0]


def test_preview_opens_the_unsaved_pack_at_the_chosen_date_and_role(editor: PackEditorWindow, monkeypatch, qtbot):
    from PySide6.QtWidgets import QDialog, QWidget

    editor.editor.edit_value(("events", 1, "title"), "Unsaved title")
    opened = []

    def fake_preview(loaded, day, role):
        opened.append((loaded.pack.events, day, role))
        widget = QWidget()
        qtbot.addWidget(widget)
        return widget

    editor.preview = fake_preview

    def choose(dialog):
        dialog.date_edit.setDate(dialog.date_edit.date().addDays(40))
        dialog.role_box.setCurrentIndex(1)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(file_commands.PreviewDialog, "exec", choose)
    file_commands.preview(editor)
    events, day, role = opened[0]
    assert "Unsaved title" in [e.title for e in events]
    assert (day, role) == (dt.date(2030, 2, 10), "r-exec")
    assert len(editor.previews) == 1 and editor.isWindowModified()  # nothing was saved on the way


def test_duplicate_installed_pack_starts_an_unsaved_copy_under_a_new_id(editor: PackEditorWindow, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    monkeypatch.setattr(QInputDialog, "getItem", lambda parent, title, label, items, *a: (items[0], True))
    file_commands.duplicate_installed(editor)
    assert editor.document.file is None and editor.isWindowModified()
    assert editor.document.get(("id",)) == "mini-copy"
    assert editor.document.get(("title",)) == "Mini pack (synthetic)"


def test_the_character_count_says_when_text_is_over_its_limit(editor: PackEditorWindow):
    section(editor, "Events", 1)
    control = editor.form.controls["detail"]
    control.edit.setPlainText("x" * 4001)
    assert control.count.text() == "4001 / 4000  (too long)" and control.count.font().bold()
    assert any(f.path == ("events", 1, "detail") for f in errors(editor))


def test_a_pack_saved_in_the_editor_appears_on_the_start_page(make_window, data_dir: Path, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    window = make_window(pack=False)
    window.open_pack_editor(None)
    editor = window.pack_editors[0]
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("class-pack", True))
    assert file_commands.save(editor)
    assert any("Replace this with the pack's title" in text for text in row_texts(window.start_page.packs))


def test_a_left_out_field_given_a_value_takes_its_place_in_the_model_s_order(editor: PackEditorWindow):
    section(editor, "Deadlines", 2)
    assert "ends" not in editor.document.get(("deadlines", 2))
    editor.form.controls["ends"].given.click()
    keys = list(editor.document.get(("deadlines", 2)))
    assert keys.index("ends") == keys.index("rule_days") + 1  # where the model has it, not at the end
    editor.editor.undo_stack.undo()
    assert "ends" not in editor.document.get(("deadlines", 2))


def test_ticking_a_reference_keeps_the_list_in_place(editor: PackEditorWindow):
    section(editor, "Events", 1)
    control = editor.form.controls["sources"]
    def order() -> list[str]:
        return [control.list.item(n).data(Qt.ItemDataRole.UserRole) for n in range(control.list.count())]

    before = order()
    control.list.item(control.list.count() - 1).setCheckState(Qt.CheckState.Checked)
    assert order() == before
    assert editor.document.get(("events", 1, "sources"))[-1] == before[-1]


def test_references_are_offered_with_what_they_name(editor: PackEditorWindow):
    section(editor, "Events", 1)
    texts = [editor.form.controls["sources"].list.item(n).text() for n in range(editor.form.controls["sources"].list.count())]
    assert "s-ban — Ban in effect" in texts
    editor.editor.edit_value(("sources", 4, "title"), "Ban starts")  # renamed elsewhere: the picker follows
    section(editor, "Events", 1)
    assert "s-ban — Ban starts" in [editor.form.controls["sources"].list.item(n).text() for n in range(editor.form.controls["sources"].list.count())]


def test_ctrl_z_in_a_text_field_undoes_the_pack_edit(editor: PackEditorWindow, qtbot):
    old = editor.document.get(("events", 1, "title"))
    path = _type_title(editor)
    line = editor.form.controls["title"].edit
    line.setFocus()
    with qtbot.waitActive(editor):
        editor.activateWindow()
    QTest.keySequence(line, QKeySequence(QKeySequence.StandardKey.Undo))
    assert editor.document.get(path) == old and line.text() == old
    QTest.keySequence(line, QKeySequence(QKeySequence.StandardKey.Redo))
    assert editor.document.get(path) == "Order 2 is signed" == line.text()


def test_undo_shows_the_field_it_changed(editor: PackEditorWindow):
    path = _type_title(editor)
    section(editor, "Sources", 0)
    undo = next(a for a in editor.menuBar().actions()[1].menu().actions() if a.shortcut() == QKeySequence(QKeySequence.StandardKey.Undo))
    undo.trigger()
    assert editor.section.label == "Events" and editor.current_path() == path[:2]
    assert editor.form.controls["title"].isAncestorOf(QApplication.focusWidget())


def test_typing_after_a_save_is_a_new_undo_step_and_marks_the_pack_unsaved(editor: PackEditorWindow):
    _type_title(editor)
    assert file_commands.save(editor)
    QTest.keyClicks(editor.form.controls["title"].edit, " today")
    assert editor.isWindowModified()
    editor.editor.undo_stack.undo()
    assert editor.document.get(("events", 1, "title")) == "Order 2 is signed" and not editor.isWindowModified()


def test_clicking_a_node_in_the_outcome_tree_selects_its_row(editor: PackEditorWindow):
    section(editor, "Outcome model")
    root = editor.outcome_tree.topLevelItem(0)
    child = root.child(0)
    editor.outcome_tree.itemClicked.emit(child, 0)
    assert editor.current_path() == child.data(0, Qt.ItemDataRole.UserRole + 1)


def test_save_as_new_offers_the_pack_s_own_id_when_it_is_free(open_editor, monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    window = open_editor(None)
    offered = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (offered.append(k["text"]), ("", False))[1])
    assert not file_commands.save(window)
    assert offered == ["new-pack"]


def test_a_nested_record_added_and_removed_through_its_table(editor: PackEditorWindow):
    section(editor, "Roles", 0)
    nested = editor.form.nested["notes"]
    before = copy.deepcopy(editor.document.tree)
    assert nested.model.rowCount() == 0 and nested.form is None
    next(b for b in nested.findChildren(QPushButton) if b.text() == "Add").click()
    assert nested.model.rowCount() == 1 and nested.form.path == ("roles", 0, "notes", 0)
    QTest.keyClicks(nested.form.controls["text"].edit, "The committee meets.")
    assert nested.model.index(0, 1).data() == "The committee meets."
    nested.remove.click()
    assert nested.model.rowCount() == 0 and nested.form is None
    editor.editor.undo_stack.undo()
    assert nested.model.rowCount() == 1
    while editor.editor.undo_stack.canUndo():
        editor.editor.undo_stack.undo()
    assert editor.document.tree == before


def test_a_pack_without_problems_says_so_and_the_line_leads_nowhere(editor: PackEditorWindow):
    item = editor.problems.topLevelItem(0)
    assert editor.problems.topLevelItemCount() == 1 and item.text(2).startswith("No problems")
    editor.problems.itemClicked.emit(item, 0)  # nothing to go to, and nothing breaks
    assert editor.section.label == "Pack"


def test_renaming_an_id_renames_every_citation_of_it_and_undo_takes_both_back(editor: PackEditorWindow):
    """An author who renames a source expects what cites it to follow, as a rename does elsewhere."""
    before = copy.deepcopy(editor.document.tree)
    source = before["sources"][0]["id"]
    citing = [n for n, e in enumerate(before["events"]) if source in e["sources"]]
    assert citing
    section(editor, "Sources", 0)
    control = editor.form.controls["id"]
    control.edit.selectAll()
    QTest.keyClicks(control.edit, "s-renamed")
    assert all("s-renamed" in editor.document.get(("events", n, "sources")) for n in citing)
    assert errors(editor) == []
    assert editor.editor.undo_stack.count() == 1  # the whole rename, typed key by key, is one step
    editor.editor.undo_stack.undo()
    assert editor.document.tree == before


def test_an_id_typed_to_match_another_does_not_take_over_that_ones_citations(editor: PackEditorWindow):
    tree = copy.deepcopy(editor.document.tree)
    first, second = tree["sources"][0]["id"], tree["sources"][1]["id"]
    cites = {source: [n for n, e in enumerate(tree["events"]) if source in e["sources"]] for source in (first, second)}
    assert cites[first] and cites[second] and set(cites[first]) != set(cites[second])
    section(editor, "Sources", 0)
    control = editor.form.controls["id"]
    control.edit.selectAll()
    QTest.keyClicks(control.edit, second + "-x")  # passes through the other source's id on the way
    assert editor.document.get(("sources", 0, "id")) == second + "-x"
    assert all(second + "-x" in editor.document.get(("events", n, "sources")) for n in cites[first])  # its own followed it
    assert all(second in editor.document.get(("events", n, "sources")) for n in cites[second])  # the other's stayed
    assert errors(editor) == []


def test_the_editor_opens_where_and_as_large_as_the_author_left_it(qtbot, data_dir: Path, pack_file: Path, packs_dir: Path):
    first = pack_editor_window(data_dir, pack_file, packs_dir=packs_dir)
    qtbot.addWidget(first)
    first.show()
    first.resize(1010, 707)
    qtbot.waitUntil(lambda: first.size().width() == 1010)
    first.close()  # nothing unsaved: it closes, and keeps its layout
    again = pack_editor_window(data_dir, pack_file, packs_dir=packs_dir)
    qtbot.addWidget(again)
    assert (again.width(), again.height()) == (1010, 707)


def test_tab_goes_from_the_kinds_to_the_rows_through_the_form_and_then_to_the_problems(editor: PackEditorWindow, qtbot):
    """Reading order, by keyboard alone: a form made after the window (each row shown makes one)
    is read in place, and the rows table gives Tab up instead of walking its cells."""
    from PySide6.QtWidgets import QWidget

    section(editor, "Events", 1)
    with qtbot.waitActive(editor):
        editor.activateWindow()
    editor.sections.setFocus()
    order: list[QWidget] = []
    for _ in range(40):
        widget = QApplication.focusWidget()
        if order and widget is editor.sections:
            break
        order.append(widget)
        QTest.keyClick(widget, Qt.Key.Key_Tab)
    fields = [control.focusProxy() or control for control in editor.form.controls.values()]
    at = {id(w): n for n, w in reversed(list(enumerate(order)))}  # first visit of each
    assert at[id(editor.sections)] < at[id(editor.table)] < at[id(fields[0])]
    assert [at[id(f)] for f in fields] == sorted(at[id(f)] for f in fields)
    assert at[id(fields[-1])] < at[id(editor.problems)]
    assert order.count(editor.table) == 1
