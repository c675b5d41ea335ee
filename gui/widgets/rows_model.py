"""A thin list model over plain rows, so views hand Qt display data and never Qt items.

A new list is applied as removes, inserts and changes, not a reset: the view keeps its current
row, selection and scroll position across a step, and only rows that are new get measured,
so a step costs what changed, not the length of the list.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
from collections.abc import Callable, Hashable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from gui.widgets.text import plain_tooltip
from gui.widgets.theme import muted

PayloadRole = Qt.ItemDataRole.UserRole + 1
MUTED_ROW = 0.4  # a greyed row is still read (a later event, a law no longer in force): 4.5:1 on either row colour


@dataclasses.dataclass(frozen=True)
class Row:
    text: str
    tooltip: str = ""
    payload: Any = None
    muted: bool = False  # shown greyed: a later event revealed early, a pack that failed to load
    enabled: bool = True
    key: Hashable = None  # what stays the same from one list to the next; by default the payload's id

    @functools.cached_property
    def identity(self) -> Hashable:  # cached: a step compares thousands of rows by it
        return self.key if self.key is not None else getattr(self.payload, "id", self.payload)


class RowCache:
    """Rows already built, by what they were built from, so a step formats only the rows that are new.

    Keys must say everything a row shows (an argument's id, its weight, the role); clear the
    cache when they stop meaning the same thing, as when another pack opens.
    """

    def __init__(self, make: Callable[..., Row]) -> None:
        self._make = make
        self._rows: dict[Hashable, Row] = {}

    def row(self, key: Hashable, *args: Any) -> Row:
        row = self._rows.get(key)
        if row is None:
            row = self._rows[key] = self._make(*args)
        return row

    def clear(self, *_: object) -> None:
        self._rows.clear()


class PrefixRows:
    """Newest-first rows for the items among the first `n` of a sequence that `keep` accepts.

    What is known by a date is a prefix of a pack's dated items, which a step lengthens or
    shortens at its end; each row is made once, so a step costs what changed, not the length
    of the list. Make a new one when what `make` or `keep` depend on changes.
    """

    def __init__(self, make: Callable[[Any], Row], keep: Callable[[Any], bool] = lambda _item: True) -> None:
        self._make, self._keep = make, keep
        self._items: Sequence[Any] | None = None
        self._rows: list[Row] = []
        self._positions: list[int] = []  # each row's item's position in the sequence
        self._listed = 0  # how many items of the sequence the rows account for

    def newest_first(self, items: Sequence[Any], n: int) -> list[Row]:
        if items is not self._items:  # another pack
            self._items, self._rows, self._positions, self._listed = items, [], [], 0
        if n < self._listed:
            cut = bisect.bisect_left(self._positions, n)
            del self._rows[cut:], self._positions[cut:]
        for position in range(self._listed, n):
            if self._keep(items[position]):
                self._rows.append(self._make(items[position]))
                self._positions.append(position)
        self._listed = n
        return self._rows[::-1]


def _unique(keys: list[Hashable]) -> bool:
    try:
        return len(set(keys)) == len(keys)
    except TypeError:  # a payload with no id that cannot be hashed: rows cannot be told apart
        return False


class RowsModel(QAbstractListModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []

    def set_rows(self, rows: list[Row]) -> None:
        if rows == self._rows:
            return
        if self._shifted_at_top(rows):
            return
        new_keys = [row.identity for row in rows]
        if not _unique(new_keys) or not _unique([row.identity for row in self._rows]) or not self._remove_missing(set(new_keys), new_keys):
            self.beginResetModel()  # no stable identity, or the order changed: nothing to keep
            self._rows = list(rows)
            self.endResetModel()
            return
        self._insert_new(rows)
        self._update_changed(rows)

    def _shifted_at_top(self, rows: list[Row]) -> bool:
        """The common step: rows added or removed at the top, the rest the very same. Checked by
        list comparison (identity first, in C), so a long list costs next to nothing."""
        extra = len(rows) - len(self._rows)
        if extra > 0 and rows[extra:] == self._rows:
            self.beginInsertRows(QModelIndex(), 0, extra - 1)
            self._rows[0:0] = rows[:extra]
            self.endInsertRows()
            return True
        if extra < 0 and self._rows[-extra:] == rows:
            self.beginRemoveRows(QModelIndex(), 0, -extra - 1)
            del self._rows[:-extra]
            self.endRemoveRows()
            return True
        return False

    def _remove_missing(self, keep: set[Hashable], new_keys: list[Hashable]) -> bool:
        """Remove the rows not in `keep`, last run first; False (nothing removed) if what stays is out of order."""
        position = {key: n for n, key in enumerate(new_keys)}
        staying = [position[row.identity] for row in self._rows if row.identity in keep]
        if any(a > b for a, b in zip(staying, staying[1:])):
            return False
        end = len(self._rows)
        while end > 0:
            if self._rows[end - 1].identity in keep:
                end -= 1
                continue
            start = end - 1
            while start > 0 and self._rows[start - 1].identity not in keep:
                start -= 1
            self.beginRemoveRows(QModelIndex(), start, end - 1)
            del self._rows[start:end]
            self.endRemoveRows()
            end = start
        return True

    def _insert_new(self, rows: list[Row]) -> None:
        """Every row of `rows` not yet here, in runs; what is here already is in `rows`' order."""
        here = n = 0
        while n < len(rows):
            if here < len(self._rows) and self._rows[here].identity == rows[n].identity:
                here, n = here + 1, n + 1
                continue
            start = n
            while n < len(rows) and not (here < len(self._rows) and self._rows[here].identity == rows[n].identity):
                n += 1
            self.beginInsertRows(QModelIndex(), here, here + n - start - 1)
            self._rows[here:here] = rows[start:n]
            self.endInsertRows()
            here += n - start

    def _update_changed(self, rows: list[Row]) -> None:
        n = 0
        while n < len(rows):
            if self._rows[n] is rows[n] or self._rows[n] == rows[n]:
                n += 1
                continue
            start = n
            while n < len(rows) and self._rows[n] is not rows[n] and self._rows[n] != rows[n]:
                self._rows[n] = rows[n]
                n += 1
            self.dataChanged.emit(self.index(start), self.index(n - 1))

    def row_at(self, index: QModelIndex) -> Row:
        return self._rows[index.row()]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self._rows[index.row()].enabled:
            return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return Qt.ItemFlag.NoItemFlags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return row.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(row.tooltip)
        if role == Qt.ItemDataRole.ForegroundRole and row.muted:
            palette = QApplication.palette()
            return muted(palette.color(QPalette.ColorRole.Text), palette.color(QPalette.ColorRole.Base), share=MUTED_ROW)
        if role == PayloadRole:
            return row.payload
        return None
