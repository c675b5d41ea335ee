"""The class table, one row per student: the same cells on screen, in the CSV and in the PDF.

The Qt model is a thin adapter over `StudentRow`s; sorting uses the raw numbers (the sort
role), so "10%" sorts after "9%". Cells are plain text: an item view never interprets markup.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from gui.text import plain_tooltip
from scenario.classroom import StudentRow, natural_key
from store.files import write_atomic

SortRole = Qt.ItemDataRole.UserRole + 1
NONE = "–"


class Column(NamedTuple):
    title: str
    text: Callable[[StudentRow], str]
    key: Callable[[StudentRow], Any]


COLUMNS = (
    Column("Name", lambda r: r.name, lambda r: natural_key(r.name)),
    Column("Role", lambda r: r.role, lambda r: r.role.casefold()),
    Column("Progress", lambda r: NONE if r.progress is None else f"{r.progress:.0%}", lambda r: -1 if r.progress is None else r.progress),
    Column("Mean Brier", lambda r: NONE if r.mean_brier is None else f"{r.mean_brier:.3f}", lambda r: 9 if r.mean_brier is None else r.mean_brier),
    Column("Scored forecasts", lambda r: str(r.scored), lambda r: r.scored),
    Column("Revealed early", lambda r: "yes" if r.revealed_early else "no", lambda r: r.revealed_early),
    Column("Warnings", lambda r: "; ".join(r.warnings), lambda r: len(r.warnings)),
    Column("File", lambda r: Path(r.file).name if r.file else "", lambda r: r.file),
)
STUDENT_COLUMNS = tuple(c.title for c in COLUMNS)


def student_cells(row: StudentRow) -> tuple[str, ...]:
    return tuple(c.text(row) for c in COLUMNS)


def table_csv(rows: Sequence[StudentRow]) -> bytes:
    """UTF-8 with a BOM (so spreadsheets guess the encoding); a cell that would start a formula is quoted with '."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(STUDENT_COLUMNS)
    for row in rows:
        writer.writerow(["'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell for cell in student_cells(row)])
    return out.getvalue().encode("utf-8-sig")


def write_csv(rows: Sequence[StudentRow], out: Path) -> None:
    write_atomic(out, table_csv(rows))


class StudentTableModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: tuple[StudentRow, ...] = ()

    def set_rows(self, rows: Sequence[StudentRow]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].title
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, column = self._rows[index.row()], COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(column.text(row))
        if role == SortRole:
            return column.key(row)
        return None


class StudentSortModel(QSortFilterProxyModel):
    """Compares the sort keys in Python: Qt cannot order the tuples that sort names naturally."""

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:
        return left.data(SortRole) < right.data(SortRole)
