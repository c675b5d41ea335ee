"""The pack editor window: kinds of record on the left, their rows, the selected row's form, the problems.

The window lays things out and routes a picked problem to its field; the edits go through the
`PackEditor` (undo stack), the files through `gui.pack_editor.file_commands`.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from pathlib import Path
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor, QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView, QDockWidget, QHBoxLayout, QHeaderView, QLabel, QListWidget, QMainWindow, QMessageBox, QPushButton,
    QScrollArea, QSplitter, QTableView, QVBoxLayout, QWidget,
)

from gui.pack_editor import file_commands as files
from gui.pack_editor.host import Preview
from gui.pack_editor.outcome_tree import OutcomeTree
from gui.pack_editor.pack_document import PackDocument
from gui.pack_editor.pack_editor import PackEditor
from gui.pack_editor.problems_panel import ProblemsPanel
from gui.pack_editor.record_form import RecordForm
from gui.pack_editor.section_model import SectionModel
from gui.widgets.plain import message_box, plain_label
from scenario.authoring.draft import ABSENT, Draft
from scenario.authoring.draft import Path as TreePath
from scenario.authoring.fields import SECTIONS, RecordSpec, Section, date_field, record_at, record_label

WINDOW_TITLE = "Pack editor"


def locate(path: TreePath) -> tuple[Section, TreePath | None, TreePath]:
    """Where a field lives in the window: its section, its row's path (None: the list itself), the rest."""
    for section in SECTIONS:
        for list_path in section.lists:
            depth = len(list_path)
            if path[:depth] == list_path:
                if len(path) > depth:
                    return section, path[: depth + 1], path[depth + 1:]
                return section, None, ()
    for section in sorted((s for s in SECTIONS if s.single is not None), key=lambda s: -len(s.single or ())):
        if section.single is not None and path[: len(section.single)] == section.single:
            return section, section.single, path[len(section.single):]
    return SECTIONS[0], (), path


class PackEditorWindow(QMainWindow):
    closing = Signal()  # the author closed it (any unsaved changes settled): whoever keeps its layout saves it now

    def __init__(self, document: PackDocument, installed_dirs: tuple[Path, ...], user_packs: Path,
                 preview: Preview | None = None) -> None:
        super().__init__()
        self.document = document
        self.editor = PackEditor(document, self)
        self.installed_dirs, self.user_packs = installed_dirs, user_packs
        self.preview = preview
        self.previews: list[QWidget] = []  # student windows opened from here, kept alive while open
        self.section = SECTIONS[0]
        self.models: dict[str, SectionModel] = {}
        self.form: RecordForm | None = None

        self.sections = QListWidget()
        self.sections.setAccessibleName("Kinds of record")
        self.sections.addItems([s.label for s in SECTIONS])
        self.sections.setMaximumWidth(220)
        self.sections.setIconSize(QSize(16, 16))
        blank = QPixmap(self.sections.iconSize())
        blank.fill(QColor(0, 0, 0, 0))
        self._no_problem_icon = QIcon(blank)  # the same indent as a row with an icon, so the names line up

        self.table = QTableView()
        self.table.setAccessibleName("Rows")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # rows are chosen with the arrows; Tab goes on to the form
        # one Add button per list of the section: the outcome model has two (nodes, outcomes)
        self.add_buttons = [QPushButton("Add"), QPushButton("Add")]
        for n, button in enumerate(self.add_buttons):
            button.clicked.connect(lambda _checked=False, n=n: self.add_row(self.section.lists[n]))
        self.duplicate_button = QPushButton("Duplicate")
        self.remove_button = QPushButton("Remove")
        self.duplicate_button.clicked.connect(self.duplicate_row)
        self.remove_button.clicked.connect(self.remove_row)
        buttons = QHBoxLayout()
        for button in self.add_buttons:
            buttons.addWidget(button)
        buttons.addWidget(self.duplicate_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        self.outcome_tree = OutcomeTree(document)
        self.outcome_tree.chosen.connect(self.go_to)
        rows_column = self.rows_column = QWidget()
        rows_layout = QVBoxLayout(rows_column)
        rows_layout.setContentsMargins(0, 0, 0, 0)
        rows_layout.addLayout(buttons)
        self.rows_split = QSplitter(Qt.Orientation.Vertical)
        self.rows_split.addWidget(self.table)
        self.rows_split.addWidget(self.outcome_tree)
        rows_layout.addWidget(self.rows_split, 1)

        self.form_heading = plain_label(bold=True, point_delta=1)
        self.form_area = QScrollArea()
        self.form_area.setWidgetResizable(True)
        self.form_area.setAccessibleName("The selected record's fields")
        form_column = QWidget()
        form_layout = QVBoxLayout(form_column)
        form_layout.setContentsMargins(0, 0, 0, 0)
        form_layout.addWidget(self.form_heading)
        form_layout.addWidget(self.form_area, 1)

        split = QSplitter()
        split.addWidget(self.sections)
        split.addWidget(rows_column)
        split.addWidget(form_column)
        split.setStretchFactor(1, 2)
        split.setStretchFactor(2, 3)
        split.setSizes([170, 430, 680])
        self.setCentralWidget(split)

        self.problems = ProblemsPanel()
        self.problems.chosen.connect(self.go_to)
        dock = QDockWidget("Problems", self)
        dock.setObjectName("problems")
        dock.setWidget(self.problems)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.resizeDocks([dock], [170], Qt.Orientation.Vertical)

        self._build_menus()
        self.sections.currentRowChanged.connect(lambda n: self.show_section(SECTIONS[n]))
        document.findingsChanged.connect(self._findings_changed)
        document.fileChanged.connect(self._file_changed)
        self.editor.undo_stack.cleanChanged.connect(self._clean_changed)
        self.sections.setCurrentRow(0)
        self._findings_changed(document.findings)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction("&New pack…", lambda: files.new_pack(self)).setShortcut(QKeySequence.StandardKey.New)
        file_menu.addAction("&Edit pack…", lambda: files.open_pack(self)).setShortcut(QKeySequence.StandardKey.Open)
        file_menu.addAction("&Duplicate installed pack…", lambda: files.duplicate_installed(self))
        file_menu.addSeparator()
        file_menu.addAction("&Save", lambda: files.save(self)).setShortcut(QKeySequence.StandardKey.Save)
        file_menu.addAction("Save as &new pack…", lambda: files.save_as_new(self)).setShortcut(QKeySequence("Ctrl+Shift+S"))
        file_menu.addSeparator()
        file_menu.addAction("&Import events from CSV…", lambda: files.import_csv(self))
        file_menu.addAction("&Preview as a student on…", lambda: files.preview(self)).setShortcut(QKeySequence("Ctrl+R"))
        file_menu.addSeparator()
        file_menu.addAction("&Close", self.close).setShortcut(QKeySequence("Ctrl+W"))

        edit_menu = self.menuBar().addMenu("&Edit")
        undo = self.editor.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.triggered.connect(lambda: self._show_undone(self.editor.undo_stack.index()))  # after the stack's own slot
        redo = self.editor.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        redo.triggered.connect(lambda: self._show_undone(self.editor.undo_stack.index() - 1))
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)
        edit_menu.addSeparator()
        edit_menu.addAction("&Add row", self._add_to_section).setShortcut(QKeySequence("Ctrl+Shift+N"))
        edit_menu.addAction("&Duplicate row", self.duplicate_row).setShortcut(QKeySequence("Ctrl+D"))
        edit_menu.addAction("&Remove row", self.remove_row)

    # What the author looks at

    def show_section(self, section: Section) -> None:
        self.section = section
        model = self.models.get(section.label)
        if model is None:
            model = self.models[section.label] = SectionModel(self.document, section)
        self.table.setModel(model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        first = record_at((*section.lists[0], 0)) if section.lists else None
        self.table.setColumnHidden(2, first is None or date_field(first) is None)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _previous: self._show_row(current.row()))
        self._update_add_buttons()
        is_model = bool(section.lists) and section.lists[0][:1] == ("outcome_model",)
        self.outcome_tree.setVisible(is_model)
        if is_model:
            self.outcome_tree.rebuild()
        self.rows_column.setVisible(bool(section.lists))  # the pack's own fields: the form alone says it all
        self.select_row(0)
        if self.sections.currentRow() != SECTIONS.index(section):
            self.sections.setCurrentRow(SECTIONS.index(section))

    def _update_add_buttons(self) -> None:
        lists = self.section.lists
        for n, button in enumerate(self.add_buttons):
            button.setVisible(n < len(lists))
            if n < len(lists):
                button.setText("Add" if len(lists) == 1 else f"Add {str(lists[n][-1]).removesuffix('s')}")

    def select_row(self, row: int) -> None:
        model = self.table.model()
        if model.rowCount() == 0:
            self._show_row(-1)
            return
        row = min(max(row, 0), model.rowCount() - 1)
        self.table.selectionModel().setCurrentIndex(model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                                    | QItemSelectionModel.SelectionFlag.Rows)
        self._show_row(row)

    def current_path(self) -> TreePath | None:
        model = self.models[self.section.label]
        return model.path_at(self.table.currentIndex().row())

    def _show_row(self, row: int) -> None:
        path = self.models[self.section.label].path_at(row)
        if self.form is not None and path == self.form.path:
            return
        if self.form is not None:
            self.form.deleteLater()
            self.form = None
        if path is None:
            self.form_heading.setText(f"{self.section.label}: none yet. Add one with the button above the table.")
            self.form_area.setWidget(QLabel())
            return
        spec = record_at(path)
        assert isinstance(spec, RecordSpec)
        exclude = frozenset(f.name for f in spec.fields if path == () and f.kind in ("records", "record")
                            or path == ("outcome_model",) and f.kind == "records")
        self.form = RecordForm(self.editor, path, spec, self.new_date(), exclude)
        self.form_heading.setText(self._heading(path, spec))
        holder = QWidget()  # the form at the top, its rows at their natural height
        column = QVBoxLayout(holder)
        column.addWidget(self.form)
        column.addStretch(1)
        self.form_area.setWidget(holder)
        self._problems_after(holder)

    def _problems_after(self, form: QWidget) -> None:
        """Tab reads a new form in place, then the problems panel: Qt puts a form made later at the end of the chain."""
        last: QWidget = self.form_area
        widget = self.form_area.nextInFocusChain()
        while widget is not None and widget is not self.form_area:
            if form.isAncestorOf(widget) and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                last = widget
            widget = widget.nextInFocusChain()
        QWidget.setTabOrder(last, self.problems)

    def _heading(self, path: TreePath, spec: RecordSpec) -> str:
        if path == ():
            return "The pack: its id, titles and date range"
        if path == ("outcome_model",):
            return "The outcome model: its root node (add nodes and outcomes with the buttons)"
        record = self.document.get(path)
        ident = record.get("id", "") if isinstance(record, dict) else ""
        return f"{record_label(spec).capitalize()} {ident}".strip()

    def new_date(self) -> dt.date:
        """The date a new row starts with: the pack's start, so it falls inside the pack's range."""
        try:
            return dt.date.fromisoformat(self.document.get(("start",)))
        except (TypeError, ValueError):
            return dt.date.today()

    def go_to(self, path: TreePath) -> None:
        """Show the section, row and field at `path` and put the cursor in the field."""
        section, row_path, rest = locate(path)
        if section is not self.section:
            self.show_section(section)
        if row_path is not None:
            row = self.models[section.label].row_of(row_path)
            if row >= 0:
                self.select_row(row)
        if self.form is not None:
            self.form.focus_field(rest)

    def _findings_changed(self, findings: list) -> None:
        self.problems.show_findings(findings, self.describe)
        errors = sum(1 for f in findings if f.severity == "error")
        counts = Counter(locate(f.path)[0].label for f in findings)
        with_errors = {locate(f.path)[0].label for f in findings if f.severity == "error"}
        for n, section in enumerate(SECTIONS):
            count = counts[section.label]
            item = self.sections.item(n)
            item.setText(f"{section.label}  ({count})" if count else section.label)
            item.setIcon(self.problems.icon("error" if section.label in with_errors else "warning") if count else self._no_problem_icon)
        self._update_title(len(findings), errors)

    def _show_undone(self, index: int) -> None:
        """After Undo or Redo, the field it changed, so the author sees what was taken back."""
        command = self.editor.undo_stack.command(index)
        where = getattr(command, "where", None)
        if where is not None and self.document.get(where) is not ABSENT:
            self.go_to(where)

    def describe(self, path: TreePath) -> str:
        """Where `path` is, as the window shows it: "Events › e-vote › date", "Roles › r-exec › notes › 2 › text"."""
        section, row_path, rest = locate(path)
        parts = [section.label]
        if row_path and row_path != section.single:
            record = self.document.get(row_path)
            ident = record.get("id") if isinstance(record, dict) else None
            parts.append(ident if isinstance(ident, str) and ident else f"row {int(row_path[-1]) + 1}")
        parts += [str(step + 1) if isinstance(step, int) else step for step in rest]
        return " › ".join(parts)

    def _update_title(self, problems: int, errors: int) -> None:
        title = self.document.get(("title",))
        name = title if isinstance(title, str) and title else "untitled pack"
        count = f"{problems} problem{'s' if problems != 1 else ''}" if problems else "no problems"
        self.setWindowTitle(f"{WINDOW_TITLE} — {name} — {count}[*]")

    def _clean_changed(self, clean: bool) -> None:
        self.setWindowModified(not clean)

    def _file_changed(self) -> None:
        for model in self.models.values():
            model.reset()
        self.form = None
        self.show_section(self.section)

    # Rows

    def add_row(self, list_path: TreePath) -> None:
        current = self.current_path()
        index = current[-1] + 1 if current and current[:-1] == list_path and isinstance(current[-1], int) else len(self._items(list_path))
        spec = record_at((*list_path, 0))
        assert isinstance(spec, RecordSpec)
        self.editor.add_row(list_path, index, spec, self.new_date())
        self.go_to((*list_path, index))

    def _add_to_section(self) -> None:
        if self.section.lists:  # the pack's own fields have no rows to add
            self.add_row(self.section.lists[0])

    def duplicate_row(self) -> None:
        current = self.current_path()
        if current and isinstance(current[-1], int):
            self.editor.duplicate_row(current[:-1], current[-1])
            self.go_to((*current[:-1], current[-1] + 1))

    def remove_row(self) -> None:
        current = self.current_path()
        if current and isinstance(current[-1], int):
            row = self.table.currentIndex().row()
            self.editor.remove_row(current[:-1], current[-1])
            self.select_row(row)

    def _items(self, list_path: TreePath) -> list[Any]:
        items = self.document.get(list_path)
        return items if isinstance(items, list) else []

    # Opening another pack, closing

    def load(self, draft: Draft, file: Path | None, modified: bool = False) -> None:
        """Another pack in this window (unsaved changes must be settled first: `settle_changes`)."""
        self.editor.undo_stack.clear()
        self.document.replace(draft, file)
        self.setWindowModified(modified)

    def settle_changes(self) -> bool:
        """Before the pack in the window goes away: save, discard or stay. True to go on."""
        if not self.isWindowModified():
            return True
        box = message_box(QMessageBox.Icon.Question, "Unsaved changes", "The pack has changes that are not saved.",
                          "Save them first?", self)
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        answer = box.exec()
        if answer == QMessageBox.StandardButton.Save:
            return files.save(self)
        return answer == QMessageBox.StandardButton.Discard

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.settle_changes():
            self.closing.emit()
            event.accept()
        else:
            event.ignore()
