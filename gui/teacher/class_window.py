"""The teacher's view of a class: every submission's row, the class charts, and the files skipped.

Files are read and aggregated on a worker thread with a progress bar and Cancel, and the PDF
is written on one too, so the window keeps answering while 500 files load. The Anonymise
switch swaps in the anonymised aggregate, so the table, the charts, the skipped list and both
exports all show the same thing: there is no second path by which a name could slip through.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView, QCheckBox, QComboBox, QFileDialog, QHBoxLayout, QHeaderView, QLabel, QMainWindow, QProgressBar,
    QPushButton, QTableView, QTabWidget, QVBoxLayout, QWidget,
)

from gui.widgets.announce import announce
from gui.widgets.background import BackgroundTask, Work
from gui.teacher.class_charts import ClassCharts
from scenario.class_loader import ClassLoad, load_class
from gui.teacher.class_table import StudentSortModel, StudentTableModel, write_csv, write_gradebook
from gui.teacher.debrief_view import DebriefView
from gui.teacher.student_view import StudentView
from scenario.class_table import STUDENT_COLUMNS
from gui.widgets.list_panel import ListPanel
from gui.widgets.rows_model import Row
from scenario.classroom import EXPLORE_HELP, ClassAggregate, anonymised_skipped
from scenario.student_work import student_work
from scenario.scoring import ALWAYS_HALF


class ClassWindow(QMainWindow):
    load_finished = Signal()  # the table, charts and skipped list show the new load (or the load was cancelled)
    export_finished = Signal(str)  # a message for the status bar: where the report went, or why it did not

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Class submissions - Divestiture Lab")
        self.load: ClassLoad | None = None
        self._shown: dict[tuple[int, bool, bool], ClassAggregate] = {}  # what `shown` made, per pack, Explore and Anonymise choice
        self._task: BackgroundTask | None = None
        self.summary = QLabel("Open a folder of submission files to see the class.")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.summary.setAccessibleDescription("Class summary")
        self.anonymise = QCheckBox("&Anonymise names")
        self.anonymise.setAccessibleName("Anonymise names in the table, charts and exports")
        self.anonymise.toggled.connect(self._show)
        self.pack_picker = QComboBox()
        self.pack_picker.setAccessibleName("Pack: the folder holds submissions for several; which to show")
        self.pack_picker.currentIndexChanged.connect(self._show)
        self.pack_label = QLabel("&Pack:")
        self.pack_label.setTextFormat(Qt.TextFormat.PlainText)
        self.pack_label.setBuddy(self.pack_picker)
        self.include_explore = QCheckBox("Include &Explore mode in forecast statistics")
        self.include_explore.setAccessibleDescription("Count Explore-mode forecasts in the class's forecast statistics")
        self.include_explore.setToolTip(EXPLORE_HELP)
        self.include_explore.toggled.connect(self._show)
        self.export_gradebook_button = QPushButton("Export &gradebook...")
        self.export_gradebook_button.setAccessibleName("Export gradebook: a CSV with one row per student, numbers only")
        self.export_gradebook_button.clicked.connect(self._ask_gradebook_path)
        self.student_view: StudentView | None = None
        self.debrief_view: DebriefView | None = None
        view_menu = self.menuBar().addMenu("&View")
        self.debrief_action = view_menu.addAction("&Debrief", self.open_debrief)
        self.debrief_action.setShortcut(QKeySequence(Qt.Key.Key_F5))
        self.debrief_action.setStatusTip("The class's views checkpoint by checkpoint, full-screen, to project")
        self.debrief_action.setEnabled(False)
        self.export_report_button = QPushButton("Export class &report (PDF)...")
        self.export_report_button.setAccessibleName("Export class report (PDF)")
        self.export_report_button.clicked.connect(self._ask_report_path)
        self.export_csv_button = QPushButton("Export &CSV...")
        self.export_csv_button.setAccessibleName("Export CSV: the table of students")
        self.export_csv_button.clicked.connect(self._ask_csv_path)
        self.model = StudentTableModel(self)
        self.sorted = StudentSortModel(self)
        self.sorted.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setModel(self.sorted)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setAccessibleName("Students: name, role, mode, progress, mean Brier score, early reveal, flags. "
                                     "Enter or double-click opens a student's work")
        self.table.doubleClicked.connect(self.open_student)
        self.table.installEventFilter(self)  # Enter or Return opens the current row
        self.charts = ClassCharts()
        self.skipped = ListPanel("Files that could not be read", "Every file was read.", "Skipped files and their reasons")
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Class views")
        self.tabs.addTab(self.table, "&Students")
        self.tabs.addTab(self.charts, "C&harts")
        self.tabs.addTab(self.skipped, "S&kipped files")
        self.progress = QProgressBar()
        self.progress.setAccessibleName("Loading progress")
        self.progress.setFormat("Reading files: %v of %m")
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel loading")
        self.cancel_button.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        self.cancel_button.clicked.connect(self.cancel)
        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setAccessibleDescription("Status")
        self.statusBar().addWidget(self.status, 1)
        self.statusBar().addPermanentWidget(self.progress)
        self.statusBar().addPermanentWidget(self.cancel_button)
        self._set_busy(False)
        options = QHBoxLayout()  # a second row, so the buttons fit at 1280 pixels wide
        for widget in (self.pack_label, self.pack_picker, self.anonymise, self.include_explore):
            options.addWidget(widget)
        options.addStretch(1)
        for widget in (self.export_csv_button, self.export_gradebook_button, self.export_report_button):
            options.addWidget(widget)
        self.pack_label.setVisible(False)  # until a load holds several packs
        self.pack_picker.setVisible(False)
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.addWidget(self.summary)
        layout.addLayout(options)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.export_finished.connect(self.status.setText)
        self.export_finished.connect(lambda text: announce(self.status, text))
        self.resize(1200, 760)

    def open_paths(self, paths: list[str | Path], packs_dirs: Sequence[Path]) -> None:
        """Read these files (folders: their *.json files) off the UI thread; replaces what is shown when done."""
        self.cancel()
        self.progress.setRange(0, 0)  # busy until the first file is counted
        self.status.setText("Reading submissions...")
        self._start(functools.partial(load_class, list(paths), packs_dirs), self._loaded, self._load_failed, cancellable=True)

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def working(self) -> bool:
        """A load or an export is still running on its thread."""
        return self._task is not None and not self._task.isFinished()

    def shown(self) -> ClassAggregate | None:
        """The aggregate as on screen (the pack picked, Explore mode counted or not, anonymised when
        the switch is on): what exports write."""
        if self.load is None or self.load.aggregate is None:
            return None
        groups = self.load.groups or (self.load.aggregate,)
        group = max(0, min(self.pack_picker.currentIndex(), len(groups) - 1))
        key = (group, self.include_explore.isChecked(), self.anonymise.isChecked())
        if key not in self._shown:  # re-aggregating 2,000 students takes a while: once per choice, not per look
            result = groups[group].with_explore(key[1])
            self._shown[key] = result.anonymised() if key[2] else result
        return self._shown[key]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on a row opens it: not `activated`, which some desktops emit on a single click."""
        if (watched is self.table and event.type() == QEvent.Type.KeyPress
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.table.currentIndex().isValid()):
            self.open_student(self.table.currentIndex())
            return True
        return super().eventFilter(watched, event)

    def open_student(self, index: QModelIndex) -> None:
        """The student on this table row (a sorted view's index), read-only."""
        shown = self.shown()
        if shown is None or not index.isValid():
            return
        row = self.model.row(self.sorted.mapToSource(index).row())
        if self.student_view is None:
            self.student_view = StudentView(self)
        self.student_view.show_work(student_work(shown, row))
        self.student_view.show()
        self.student_view.raise_()
        self.student_view.activateWindow()

    def open_debrief(self) -> None:
        """Full-screen slides of the class shown (the pack picked, Explore mode counted or not)."""
        shown = self.shown()
        if shown is None:
            return
        if self.debrief_view is not None:
            self.debrief_view.close()
        self.debrief_view = DebriefView(shown, self)
        self.debrief_view.showFullScreen()
        self.debrief_view.activateWindow()

    def export_gradebook(self, path: Path) -> None:
        shown = self.shown()
        if shown is None:
            return
        try:
            write_gradebook(shown, path)
        except OSError as exc:
            self.export_finished.emit(f"Could not write {path}: {exc.strerror or exc}")
            return
        self.export_finished.emit(f"Saved the gradebook to {path}")

    def export_csv(self, path: Path) -> None:
        shown = self.shown()
        if shown is None:
            return
        try:
            write_csv(shown.rows, path)
        except OSError as exc:
            self.export_finished.emit(f"Could not write {path}: {exc.strerror or exc}")
            return
        self.export_finished.emit(f"Saved the table to {path}")

    def export_report(self, path: Path) -> None:
        """Written on a worker thread; `export_finished` says when, and how it went."""
        shown = self.shown()
        if shown is None or self._task is not None:
            return
        from gui.report import class_report

        self.status.setText("Writing the class report...")
        self.progress.setRange(0, 0)
        self._start(lambda _progress, _cancelled: class_report(shown, path, anonymise=False),
                    lambda _none: self.export_finished.emit(f"Saved the class report to {path}"),
                    lambda message: self.export_finished.emit(f"Could not write {path}: {message}"), cancellable=False)

    def closeEvent(self, event) -> None:
        if self._task is not None:
            self._task.cancel()
            self._task.wait()
            self._task = None
        super().closeEvent(event)

    def _start(self, work: Work, on_success: Callable[[Any], None], on_failure: Callable[[str], None], cancellable: bool) -> None:
        if self._task is not None:
            self._task.wait()  # a cancelled load stops at the next file
        task = BackgroundTask(work, self)
        task.progress.connect(self._progressed)
        for signal, handler in ((task.succeeded, on_success), (task.failed, on_failure)):
            signal.connect(functools.partial(self._task_ended, task, handler))
        self._task = task
        self._set_busy(True, cancellable)
        task.start()

    def _task_ended(self, task: BackgroundTask, handler: Callable[[Any], None], outcome: Any) -> None:
        """Runs on the UI thread (BackgroundTask re-emits there); a replaced task's outcome is dropped."""
        task.deleteLater()
        if self._task is not task:
            return
        self._task = None
        handler(outcome)
        self._set_busy(False)

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _loaded(self, load: ClassLoad | None) -> None:
        if load is None:
            self.status.setText("Loading cancelled; showing what was there before.")
        else:
            self.load = load
            self._shown.clear()
            self.pack_picker.blockSignals(True)
            self.pack_picker.clear()
            for group in load.groups:
                self.pack_picker.addItem(f"{group.pack.title} ({len(group.rows)} submissions)")
            self.pack_picker.blockSignals(False)
            several = len(load.groups) > 1
            self.pack_picker.setVisible(several)
            self.pack_label.setVisible(several)
            self._show()
            self.status.setText("")
        self.load_finished.emit()

    def _load_failed(self, message: str) -> None:
        self.status.setText(f"Could not read the submissions: {message}")
        self.load_finished.emit()

    def _set_busy(self, busy: bool, cancellable: bool = False) -> None:
        self.progress.setVisible(busy)
        self.cancel_button.setVisible(busy and cancellable)
        ready = not busy and self.load is not None and self.load.aggregate is not None
        self.export_report_button.setEnabled(ready)
        self.export_csv_button.setEnabled(ready)
        self.export_gradebook_button.setEnabled(ready)
        self.debrief_action.setEnabled(ready)

    def _show(self) -> None:
        if self.load is None:
            return
        shown = self.shown()
        skipped = shown.skipped if shown is not None else self.load.skipped
        if self.anonymise.isChecked() and shown is None:
            skipped = anonymised_skipped(skipped)
        self.model.set_rows(shown.rows if shown is not None else ())
        if self.student_view is not None and self.student_view.isVisible():
            self.student_view.hide()  # it may show a name, or a pack, that is no longer on screen
        self.include_explore.setEnabled(shown is not None and shown.explore_rows > 0)
        self.table.setColumnHidden(STUDENT_COLUMNS.index("File"), shown is not None and shown.anonymous)
        self.table.resizeColumnsToContents()
        self.summary.setText(_summary(shown, len(skipped)))
        self.skipped.set_rows([Row(f"{s.file}: {s.reason}", tooltip=f"{s.file}\n{s.reason}") for s in skipped])
        self.tabs.setTabText(2, f"S&kipped files ({len(skipped)})")
        self.charts.show_aggregate(shown)

    def _ask_report_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export class report", "class-report.pdf", "PDF files (*.pdf)")
        if path:
            self.export_report(Path(path))

    def _ask_gradebook_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export gradebook", "gradebook.csv", "CSV files (*.csv)")
        if path:
            self.export_gradebook(Path(path))

    def _ask_csv_path(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, "Export class table", "class-table.csv", "CSV files (*.csv)")
        if path:
            self.export_csv(Path(path))


def _summary(result: ClassAggregate | None, skipped: int) -> str:
    if result is None:
        return f"No submission could be read ({skipped} files skipped)."
    brier = "no resolved forecasts yet" if result.mean_brier is None else f"class mean Brier score {result.mean_brier:.3f} (50% everywhere: {ALWAYS_HALF})"
    text = f"{result.pack.title}: {len(result.rows)} submissions, {skipped} files skipped; {brier}."
    if result.explore_rows:
        counted = "counted in" if result.include_explore else "left out of"
        text += f" {result.explore_rows} in Explore mode, {counted} the forecast statistics."
    flagged = sum(bool(r.flags) for r in result.rows)
    if flagged:
        text += f" {flagged} flagged: see the Flags column."
    return text
