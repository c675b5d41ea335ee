"""WCAG 2.1 AA as WCAG2ICT applies it to a desktop app: every control has a name (4.1.2), and
colours keep their contrast (1.4.3, 1.4.11). Each test here is cited in docs/ACCESSIBILITY.md.

A control's name is what Qt's accessibility layer gives a screen reader: `QAccessible`'s Name,
which is the accessible name set on it, else a button's own text, else the text of a QLabel
whose buddy it is. A placeholder or a tooltip is not a name, so a line edit, slider, spin box,
combo box, list or text box needs an accessible name or a label. A label is read by its text,
unless it is given an accessible name, which then replaces the text: so no label that shows text
has one (what it is goes in its accessible description).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QDialog, QInputDialog, QLabel, QWidget

from gui.app.about_dialog import AboutDialog
from gui.app.shortcuts_dialog import ShortcutsDialog
from gui.start.new_scenario_dialog import NewScenarioDialog
from gui.start.scenarios_dialog import ScenariosDialog
from gui.widgets.plain import without_mnemonic



def exposed_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return (interface.text(QAccessible.Text.Name) if interface is not None else "").strip()


def _buddied(widget: QWidget) -> bool:
    return any(label.buddy() is widget for label in widget.window().findChildren(QLabel))


def name_of(widget: QWidget) -> str:
    """What a screen reader calls the control. On Linux Qt gives a combo box its current item as
    its name, which says nothing of what is chosen there: a combo box needs its own name or a label."""
    if isinstance(widget, QComboBox):
        return widget.accessibleName() or ("(labelled)" if _buddied(widget) else "")
    return exposed_name(widget)


def _part_of(widget: QWidget) -> bool:
    """A spin box's line edit and the like: focus passes to a parent, which carries the name."""
    proxy = widget.focusProxy()
    return proxy is not None and proxy is not widget and proxy.isAncestorOf(widget)


def unnamed(root: QWidget) -> list[str]:
    """Every control under `root` a keyboard can reach (visible, taking focus, enabled or not:
    a screen reader reads a disabled control too) that has no name, described so it can be found."""
    missing = []
    for widget in [root, *root.findChildren(QWidget)]:
        if (widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisible() or _part_of(widget)
                or name_of(widget)):
            continue
        parents, parent = [], widget.parentWidget()
        while parent is not None and len(parents) < 4:
            parents.append(type(parent).__name__ + (f"({parent.accessibleName()})" if parent.accessibleName() else ""))
            parent = parent.parentWidget()
        missing.append(f"{type(widget).__name__} in {' < '.join(parents)} (tooltip: {widget.toolTip()[:60]!r})")
    return missing


def text_hidden(root: QWidget) -> list[str]:
    """Labels on screen whose text a screen reader never hears: an accessible name stands in its place."""
    return [f"{label.text()[:50]!r} is read as {label.accessibleName()!r}" for label in root.findChildren(QLabel)
            if label.isVisible() and label.text() and label.accessibleName()]


def _said(text: str) -> str:
    """A label as a person reads it aloud: no access-key &, no trailing colon or ellipsis, any case."""
    return without_mnemonic(text).strip().rstrip(":.…").strip().casefold()


def label_not_in_name(root: QWidget) -> list[str]:
    """WCAG 2.5.3 Label in name: a speech user says what they see ("click Export gradebook"), so
    a control's name holds its visible text: a button's own, or that of the label it is the buddy of."""
    shown: list[tuple[QWidget, str]] = [(b, b.text()) for b in root.findChildren(QAbstractButton) if b.isVisible() and b.text()]
    shown += [(label.buddy(), label.text()) for label in root.findChildren(QLabel) if label.isVisible() and label.buddy() is not None]
    return [f"{type(widget).__name__} shows {text!r} but is named {widget.accessibleName()!r}"
            for widget, text in shown if widget.accessibleName() and _said(text) not in widget.accessibleName().casefold()]


def assert_all_named(root: QWidget) -> None:
    QApplication.processEvents()
    assert root.windowTitle(), f"{type(root).__name__} has no title (WCAG 2.4.2)"
    where = root.windowTitle()
    missing = unnamed(root)
    assert not missing, f"{len(missing)} controls in {where} have no accessible name:\n" + "\n".join(missing)
    hidden = text_hidden(root)
    assert not hidden, f"{len(hidden)} labels in {where} hide their text:\n" + "\n".join(hidden)
    renamed = label_not_in_name(root)
    assert not renamed, f"{len(renamed)} controls in {where} are named apart from what they show:\n" + "\n".join(renamed)


def test_the_walk_finds_a_control_without_a_name(qtbot) -> None:
    """The walk itself: a bare line edit is caught; a label's buddy and a button's text are names."""
    from PySide6.QtWidgets import QFormLayout, QLineEdit, QPushButton, QSpinBox

    box = QWidget()
    qtbot.addWidget(box)
    form = QFormLayout(box)
    form.addRow("&Name:", QLineEdit())
    form.addRow(QPushButton("&Go"))
    bare = QSpinBox()
    bare.setToolTip("a tooltip is not a name")
    form.addRow(bare)
    unlabelled = QComboBox()
    unlabelled.addItem("All themes")
    form.addRow(unlabelled)
    named_label = QLabel("5 Jan 2030")
    named_label.setAccessibleName("Current date")
    form.addRow(named_label)
    box.show()
    missing = unnamed(box)
    assert [m.split()[0] for m in missing] == ["QSpinBox", "QComboBox"], missing
    assert text_hidden(box) == ["'5 Jan 2030' is read as 'Current date'"]
    renamed = QPushButton("Export &gradebook…")
    renamed.setAccessibleName("Save a CSV")
    form.addRow(renamed)
    renamed.show()
    assert label_not_in_name(box) == ["QPushButton shows 'Export &gradebook…' but is named 'Save a CSV'"]
    assert exposed_name(named_label) == "Current date", "what Qt does, and why the rule"


def test_the_start_page_names_every_control(make_window) -> None:
    window = make_window(pack=False)
    assert window.pages.currentWidget() is window.start_page
    assert_all_named(window)


def test_every_tab_of_the_exercise_names_every_control(window, qtbot) -> None:
    window.document.set_date(dt.date(2030, 1, 20))  # a forecast question and a prompt are open
    window.editor.set_role("r-exec")
    tabs = window.workspace.tabs
    for n in range(tabs.count()):
        tabs.setCurrentIndex(n)
        view = tabs.currentWidget()
        panels = [p for p in view.findChildren(QWidget) if hasattr(p, "canvas") and hasattr(p, "set_drawer")]
        qtbot.waitUntil(lambda: all(p.canvas is not None for p in panels if p.isVisible()))
        assert_all_named(window)
    window.workspace.arguments.columns["for"].view.setFocus()
    window.workspace.arguments.columns["for"].view.setCurrentIndex(window.workspace.arguments.columns["for"].model.index(0))
    tabs.setCurrentIndex(0)
    assert window.workspace.arguments.weights.weight.isEnabled()
    assert_all_named(window)


def _dialog(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_every_dialog_of_the_student_names_every_control(window, qtbot) -> None:
    assert_all_named(_dialog(qtbot, NewScenarioDialog(window.document.loaded.pack, "A name", window)))
    assert_all_named(_dialog(qtbot, ScenariosDialog(window.editor, window.scenario_list, window)))
    assert_all_named(_dialog(qtbot, AboutDialog(Path("/tmp"), window)))
    assert_all_named(_dialog(qtbot, ShortcutsDialog(window)))
    panel = window.workspace.charts.panel
    window.workspace.tabs.setCurrentWidget(window.workspace.charts)
    qtbot.waitUntil(lambda: panel.result is not None)
    from gui.charts.data_dialog import DataDialog

    assert_all_named(_dialog(qtbot, DataDialog(panel.table(), window)))


def test_the_export_name_question_names_its_field(window, qtbot, monkeypatch) -> None:
    """Export submission asks the student's name in the app's own dialog (the file dialog after it is the system's)."""
    from gui.actions import classroom_actions

    seen: list[list[str]] = []

    def walk_and_cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        seen.append(unnamed(dialog))
        dialog.reject()

    QTimer.singleShot(0, walk_and_cancel)
    classroom_actions.export_submission(window)
    assert seen == [[]], seen


def test_the_class_window_and_its_views_name_every_control(class_window, qtbot) -> None:
    for n in range(class_window.tabs.count()):
        class_window.tabs.setCurrentIndex(n)
        assert_all_named(class_window)
    class_window.table.setCurrentIndex(class_window.sorted.index(0, 0))
    class_window.open_student(class_window.table.currentIndex())
    assert_all_named(class_window.student_view)
    class_window.open_debrief()
    assert_all_named(class_window.debrief_view)
    class_window.debrief_view.close()
    class_window.tabs.setCurrentWidget(class_window.charts)
    from gui.charts.data_dialog import DataDialog

    assert_all_named(_dialog(qtbot, DataDialog(class_window.charts.table, class_window)))


def test_a_larger_system_font_gets_a_larger_first_window_and_chart_text(qapp) -> None:
    """WCAG 1.4.4 Resize text: at 14 pt the layout needs the room it has at 9 pt, and charts read at the
    window's size (the real-window check is in test_real_window.py)."""
    from PySide6.QtGui import QFont

    from gui.app.window_size import PREFERRED, preferred
    from gui.charts.chart_style import chart_style

    assert preferred(QFont("Sans Serif", 9)) == PREFERRED
    large = preferred(QFont("Sans Serif", 14))
    assert large.width() == round(PREFERRED.width() * 14 / 9) and large.height() == round(PREFERRED.height() * 14 / 9)
    assert chart_style(qapp.palette(), QFont("Sans Serif", 14)).font_size == 14
    assert chart_style(qapp.palette(), QFont("Sans Serif", 7)).font_size == 9, "never smaller than the charts' own"


def test_status_notices_are_announced_to_a_screen_reader(window, monkeypatch) -> None:
    """WCAG 4.1.3 Status messages: the status bar is no live region, so each notice is announced."""
    from PySide6.QtGui import QAccessibleAnnouncementEvent

    from tests.gui.conftest import press

    said: list[str] = []
    monkeypatch.setattr(QAccessible, "updateAccessibility",
                        lambda event: said.append(event.message()) if isinstance(event, QAccessibleAnnouncementEvent) else None)
    press(window, Qt.Key.Key_Right)  # to 5 Jan 2030, the day the question opens
    assert any(m.startswith("A forecast question opened: Will AppCo be sold") for m in said), said


def test_the_pack_editor_names_every_control_in_every_section_and_dialog(qtbot, data_dir, packs_dir, tmp_path) -> None:
    """A teacher writing a pack with a screen reader: every kind of record, its form (nested
    records' forms too), the problems panel, the preview and CSV import dialogs."""
    import shutil

    from gui.app.application import pack_editor_window
    from gui.pack_editor.csv_import_dialog import CsvImportDialog
    from gui.pack_editor.file_commands import PreviewDialog
    from scenario.authoring.csv_events import read_events_csv
    from scenario.authoring.fields import SECTIONS
    from tests.conftest import MINI_PACK

    pack = Path(shutil.copy(MINI_PACK, tmp_path / "mini.json"))
    editor = pack_editor_window(data_dir, pack, packs_dir=packs_dir)
    editor.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(editor)
    editor.show()
    for section in SECTIONS:
        editor.show_section(section)
        editor.select_row(0)
        assert_all_named(editor)
    pack_data = editor.document.tree
    assert_all_named(_dialog(qtbot, PreviewDialog(dt.date(2030, 1, 1), dt.date(2030, 6, 30), [("r-exec", "Executive")], editor)))
    rows = read_events_csv(b"date,title,detail,kind,source_url,publisher\n2030-01-02,A,B,court,https://example.org/a,Ex\n"
                           b"bad,A,B,court,https://example.org/b,Ex\n", pack_data)
    assert_all_named(_dialog(qtbot, CsvImportDialog(rows, "events.csv", editor)))
