"""Import events from CSV: pick a file, see what it would add and what it refused, then accept or not.

The dialog only shows what `scenario.authoring.csv_events` found; adding it to the pack (as one
undoable step) is the editor's job, so cancelling here changes nothing anywhere.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QFileDialog, QHeaderView, QLabel, QTableView,
                               QVBoxLayout, QWidget)

from gui.widgets.folders import remember, start_folder
from gui.widgets.plain import plain_label, warn, without_mnemonic
from gui.widgets.text_table import TextTableModel
from gui.widgets.theme import MutedLabel
from scenario.authoring.csv_events import MAX_CSV_BYTES, CsvImport, read_events_csv
from scenario.userfile import FileError, read_bounded

EVENT_COLUMNS = ("Date", "Title", "Kind", "Source", "Detail")
REJECTED_COLUMNS = ("Line", "Why it was not imported")


def summary(found: CsvImport) -> str:
    """"12 events and 4 sources will be added; 2 rows rejected", or why nothing will be."""
    def count(n: int, what: str) -> str:
        return f"{n} {what}{'' if n == 1 else 's'}"

    rejected = f"; {count(len(found.rejected), 'row')} rejected" if found.rejected else ""
    if not found.events:
        return "Nothing will be added: " + (f"every row was rejected ({count(len(found.rejected), 'row')})" if found.rejected
                                           else "the file has no rows below its header") + "."
    return f"{count(len(found.events), 'event')} and {count(len(found.sources), 'new source')} will be added{rejected}."


def _source_label(source_id: str, new_sources: Mapping[str, Mapping[str, Any]]) -> str:
    source = new_sources.get(source_id)
    return f"New: {source['publisher']}, “{source['title']}”" if source is not None else source_id


def _table(model: TextTableModel, title: QLabel, description: str) -> QTableView:
    """A read-only table, named by the title shown above it (its count included) and described by its columns."""
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setAccessibleName(without_mnemonic(title.text()))
    table.setAccessibleDescription(description)
    title.setBuddy(table)
    return table


class CsvImportDialog(QDialog):
    """The preview: the events to add, the rejected rows with their reasons, and the counts. OK only when something would be added."""

    def __init__(self, found: CsvImport, file_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Import events from {file_name}")
        self.resize(960, 600)
        new_sources = {s["id"]: s for s in found.sources}
        self.counts = plain_label(summary(found), bold=True)
        rejected_title = QLabel(f"&Rejected rows ({len(found.rejected)})")
        events_title = QLabel(f"&Events to be added ({len(found.events)})")
        self.events = _table(TextTableModel(EVENT_COLUMNS, [
            (e["date"], e["title"], e["kind"], "; ".join(_source_label(s, new_sources) for s in e["sources"]), e["detail"])
            for e in found.events]), events_title, "Date, title, kind, source and detail of each event")
        self.rejected = _table(TextTableModel(REJECTED_COLUMNS, [(str(r.line), r.reason) for r in found.rejected]),
                               rejected_title, "The line in the file and why it was rejected")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText("&Import")
        self.ok.setEnabled(bool(found.events))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.counts)
        if found.ignored_columns:
            layout.addWidget(MutedLabel(f"Columns not imported: {', '.join(found.ignored_columns)}"))
        layout.addWidget(events_title)
        layout.addWidget(self.events, 3)
        if found.rejected:
            layout.addWidget(rejected_title)
            layout.addWidget(self.rejected, 2)
        layout.addWidget(self.buttons)
        (self.events if found.events else self.rejected).setFocus()


def ask_csv_import(parent: QWidget, pack: dict[str, Any]) -> CsvImport | None:
    """Ask for a CSV file and show what it would add to `pack`; what to add, or None when the author
    cancelled or the file could not be used (said in a message box naming the file)."""
    name, _ = QFileDialog.getOpenFileName(parent, "Import events from CSV", str(start_folder()),
                                          "Spreadsheets saved as CSV (*.csv);;All files (*)")
    remember(name)
    if not name:
        return None
    try:
        found = read_events_csv(read_bounded(name, MAX_CSV_BYTES, "CSV file"), pack, name)
    except FileError as exc:
        warn(parent, "Cannot import this file", f"{exc.file} cannot be imported.", "\n".join(str(p) for p in exc.problems))
        return None
    dialog = CsvImportDialog(found, Path(name).name, parent)
    return found if dialog.exec() == QDialog.DialogCode.Accepted else None
