"""A thin list model over plain rows, so views hand Qt display data and never Qt items."""

from __future__ import annotations

import dataclasses
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from gui.widgets.text import plain_tooltip
from gui.widgets.theme import muted

PayloadRole = Qt.ItemDataRole.UserRole + 1


@dataclasses.dataclass(frozen=True)
class Row:
    text: str
    tooltip: str = ""
    payload: Any = None
    muted: bool = False  # shown greyed: a later event revealed early, a pack that failed to load
    enabled: bool = True


class RowsModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        if rows == self._rows:
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def row_at(self, index: QModelIndex) -> Row:
        return self._rows[index.row()]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if self._rows[index.row()].enabled:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.NoItemFlags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(row.tooltip)
        if role == Qt.ItemDataRole.ForegroundRole and row.muted:
            palette = QApplication.palette()
            return muted(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), share=0.5)
        if role == PayloadRole:
            return row.payload
        return None
