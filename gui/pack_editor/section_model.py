"""The rows of one kind of record (events, sources…) as a table: id, what it is called, its date.

Inserts and removes in the draft arrive as row inserts and removes, and an edit of a shown
field as `dataChanged` on its cell, so the table keeps its selection while the author works.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from gui.pack_editor.pack_document import PackDocument
from scenario.authoring.draft import Path as TreePath
from scenario.authoring.fields import Section, date_field, record_at, title_field

Index = QModelIndex | QPersistentModelIndex


class SectionModel(QAbstractTableModel):
    def __init__(self, document: PackDocument, section: Section, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document, self.section = document, section
        first = record_at((*section.lists[0], 0)) if len(section.lists) == 1 else None
        # "Note" over a status change's notes, "Name" over stakeholders: what the column holds
        called = title_field(first) if first is not None else None
        self.headers = ("Id", called.replace("_", " ").capitalize() if called else "Title", "Date")
        self._rows = self.rows()  # kept in step with the draft by the signals below
        self.document.rowInserted.connect(self._inserted)
        self.document.rowRemoved.connect(self._removed)
        self.document.valueChanged.connect(self._changed)

    def rows(self) -> list[TreePath]:
        """The path of each row: the section's own record first (if any), then its lists' records."""
        paths: list[TreePath] = [] if self.section.single is None else [self.section.single]
        for list_path in self.section.lists:
            items = self.document.get(list_path)
            if isinstance(items, list):
                paths.extend((*list_path, n) for n in range(len(items)))
        return paths

    def _offset(self, list_path: TreePath) -> int | None:
        """Where the rows of `list_path` start in the table; None if it is not one of this section's lists."""
        if list_path not in self.section.lists:
            return None
        offset = 0 if self.section.single is None else 1
        for other in self.section.lists:
            if other == list_path:
                return offset
            items = self.document.get(other)
            offset += len(items) if isinstance(items, list) else 0
        return None

    def _inserted(self, list_path: TreePath, index: int) -> None:
        offset = self._offset(list_path)
        if offset is not None:
            self.beginInsertRows(QModelIndex(), offset + index, offset + index)
            self._rows = self.rows()
            self.endInsertRows()

    def _removed(self, list_path: TreePath, index: int) -> None:
        offset = self._offset(list_path)
        if offset is not None:
            self.beginRemoveRows(QModelIndex(), offset + index, offset + index)
            self._rows = self.rows()
            self.endRemoveRows()

    def _changed(self, path: TreePath) -> None:
        if any(path == list_path[: len(path)] for list_path in self.section.lists):
            self.reset()  # one of the section's lists (or what holds it) was replaced as a whole
            return
        for depth in (len(path) - 1, len(path)):
            if path[:depth] in self._rows:
                row = self._rows.index(path[:depth])
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.headers) - 1))
                return

    def reset(self) -> None:
        """A whole list replaced (undo of its creation, another pack opened): rare, so a reset is fine."""
        self.beginResetModel()
        self._rows = self.rows()
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole) or not index.isValid():
            return None
        path = self._rows[index.row()]
        if path == self.section.single:
            return ("", f"{self.section.label}: its own fields", "")[index.column()] if role == Qt.ItemDataRole.DisplayRole else None
        record = self.document.get(path)
        spec = record_at(path)
        if not isinstance(record, dict) or spec is None:
            return None
        name = ("id", title_field(spec), date_field(spec))[index.column()]  # type: ignore[arg-type]
        value = record.get(name, "") if name else ""
        text = str(value).replace("\n", " ")
        if role == Qt.ItemDataRole.ToolTipRole:
            return None  # the form beside shows it in full
        return text if len(text) <= 120 else text[:119] + "…"

    def row_of(self, path: TreePath) -> int:
        return self._rows.index(path) if path in self._rows else -1

    def path_at(self, row: int) -> TreePath | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None
