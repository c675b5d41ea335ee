"""'Show data': the numbers behind a chart as a table, for screen readers and for copying."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from gui.plots.table import ChartTable


class DataDialog(QDialog):
    def __init__(self, table: ChartTable, parent: QWidget | None = None) -> None:
        from gui.plots.table import cell_text

        super().__init__(parent)
        self.setWindowTitle(f"Data: {table.title}")
        self.resize(640, 420)
        self.chart_table = table
        self.grid = QTableWidget(len(table.rows), len(table.columns))
        self.grid.setHorizontalHeaderLabels(list(table.columns))
        self.grid.setAccessibleName(f"Data behind the chart {table.title}")
        self.grid.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for r, row in enumerate(table.rows):
            for c, cell in enumerate(row):
                self.grid.setItem(r, c, QTableWidgetItem(cell_text(cell)))
        self.grid.resizeColumnsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        copy = buttons.addButton("&Copy all", QDialogButtonBox.ButtonRole.ActionRole)
        copy.clicked.connect(lambda: QApplication.clipboard().setText(table.as_text()))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.grid)
        layout.addWidget(buttons)
