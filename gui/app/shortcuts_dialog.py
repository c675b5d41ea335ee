"""Help > Keyboard shortcuts: read from the window's own actions, so the list cannot go stale."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence
from gui.widgets.plain import without_mnemonic
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QMainWindow, QTableWidget, QTableWidgetItem, QVBoxLayout


def shortcut_rows(window: QMainWindow) -> list[tuple[str, str]]:
    """(what, keys) for every action reachable from the menus that has a shortcut, menu order."""
    rows: list[tuple[str, str]] = []
    for menu_action in window.menuBar().actions():
        menu = menu_action.menu()
        for action in menu.actions() if menu else []:
            keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            if keys and isinstance(action, QAction):
                name = action.property("shortcutName") or without_mnemonic(action.text())  # undo's text names the last edit
                rows.append((name.rstrip("…"), keys))
    return rows


class ShortcutsDialog(QDialog):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle("Keyboard shortcuts")
        rows = shortcut_rows(window)
        self.table = QTableWidget(len(rows), 2)
        self.table.setHorizontalHeaderLabels(["Command", "Keys"])
        self.table.setAccessibleName("Keyboard shortcuts")
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for r, (what, keys) in enumerate(rows):
            self.table.setItem(r, 0, QTableWidgetItem(what))
            self.table.setItem(r, 1, QTableWidgetItem(keys))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(460, 560)


def show_shortcuts(window: QMainWindow) -> None:
    ShortcutsDialog(window).exec()
