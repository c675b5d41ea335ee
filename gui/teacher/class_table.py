"""The class table on screen: a thin Qt adapter over `StudentRow`s and the cells of `scenario.class_table`.

Sorting uses the raw numbers (the sort role), so "10%" sorts after "9%". Cells are plain
text: an item view never interprets markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

from gui.widgets.text import plain_tooltip
from scenario.class_table import COLUMNS, gradebook_csv, table_csv
from scenario.classroom import ClassAggregate, StudentRow
from store.files import write_atomic

SortRole = Qt.ItemDataRole.UserRole + 1


def write_csv(rows: Sequence[StudentRow], out: Path) -> None:
    write_atomic(out, table_csv(rows))


def write_gradebook(result: ClassAggregate, out: Path) -> None:
    write_atomic(out, gradebook_csv(result))


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
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section].title
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(COLUMNS[section].help)
        return None

    def row(self, index: int) -> StudentRow:
        return self._rows[index]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, column = self._rows[index.row()], COLUMNS[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(column.detail(row) if column.detail is not None else column.text(row))
        if role == SortRole:
            return column.key(row)
        return None


class StudentSortModel(QSortFilterProxyModel):
    """Compares the sort keys in Python: Qt cannot order the tuples that sort names naturally."""

    def lessThan(self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex) -> bool:
        return left.data(SortRole) < right.data(SortRole)
