"""A titled list with an empty-state message: the building block of every list on screen."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QItemSelection, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QLabel, QListView, QStackedWidget, QVBoxLayout, QWidget

from gui.widgets.row_delegate import RowDelegate
from gui.widgets.rows_model import PayloadRole, Row, RowsModel
from gui.widgets.theme import MutedLabel


class ListPanel(QWidget):
    """Emits `picked(payload)` when the reader selects a row, by mouse or keyboard, and
    `dropped(payload)` when the selected row leaves the list (its item is no longer known).

    A row is picked when it is selected, not when it becomes current: tabbing into a list makes
    its first row current without selecting it, and passing through a list on the way to the
    weight box must not swap the argument being weighed."""

    picked = Signal(object)
    dropped = Signal(object)

    def __init__(self, title: str, empty_text: str, description: str, parent: QWidget | None = None,
                 model: QAbstractItemModel | None = None, text_role: int = Qt.ItemDataRole.DisplayRole) -> None:
        """Lists its own rows (`set_rows`), or shows `model`, which keeps itself up to date.

        The list is named by its title as shown, count included, so a speech user can say what they
        see (WCAG 2.5.3) and a screen reader reads the count; `description` says what it holds."""
        super().__init__(parent)
        self.title = QLabel(title)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.model = model if model is not None else RowsModel(self)
        self.view = QListView()
        self.view.setModel(self.model)
        self.view.setItemDelegate(RowDelegate(self.view, text_role))
        self.view.setUniformItemSizes(False)
        self.view.setLayoutMode(QListView.LayoutMode.Batched)  # a long list is laid out a batch per event-loop turn, not in one stall
        self.view.setBatchSize(100)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setWordWrap(True)  # rows wrap: Qt lays them out again when the width changes, not only the height
        self.view.setSpacing(1)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # rows wrap to the width instead
        self.view.setAccessibleName(title)
        self.view.setAccessibleDescription(description)
        self.title.setBuddy(self.view)
        self.empty = MutedLabel(empty_text)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.stack)
        self.view.selectionModel().selectionChanged.connect(self._selection_changed)
        if model is not None:
            for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved):
                signal.connect(self._show_empty_state)
            self._show_empty_state()

    def set_rows(self, rows: list[Row], title: str | None = None) -> None:
        if title is not None and title != self.title.text():  # the count changes on some steps only
            self.title.setText(title)
            self.view.setAccessibleName(title)
        current = self.view.currentIndex()
        leaving = current.isValid() and self.model.row_at(current).identity not in [row.identity for row in rows]
        if leaving:
            payload = current.data(PayloadRole)
            self.view.selectionModel().clear()  # else Qt moves the selection to a neighbour the reader never chose
        self.model.set_rows(rows)
        self._show_empty_state()
        if leaving:
            self.dropped.emit(payload)

    def _show_empty_state(self, *_: object) -> None:
        self.stack.setCurrentWidget(self.view if self.model.rowCount() else self.empty)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = selected.indexes()
        if rows:
            self.picked.emit(rows[0].data(PayloadRole))
