"""The class charts, one at a time at full width, on a matplotlib canvas created on first use.

Only this widget touches matplotlib's Qt backend (a Figure with FigureCanvasQTAgg, never
pyplot), and only once there is something to draw, so the window paints first. The drawing
is the Qt-free `gui.plots.class_figures`, the same list the class report prints.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QFileDialog, QHBoxLayout, QLabel, QPushButton, QScrollArea, QVBoxLayout, QWidget

from gui.charts.data_dialog import DataDialog
from gui.charts.figure_panel import save_figure

from gui.widgets.theme import is_dark
from scenario.classroom import ClassAggregate

PIXELS_PER_INCH = 100  # matplotlib's Qt canvas default


class ClassCharts(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: ClassAggregate | None = None
        self.canvas = None
        self.table = None  # the ChartTable of the chart on screen: what "Show data" lists
        self.save_button = QPushButton("Save &image…")
        self.save_button.setToolTip("Save this chart as PNG or SVG")
        self.save_button.setAccessibleName("Save image of this class chart")
        self.save_button.clicked.connect(self.save_image)
        self.data_button = QPushButton("Show &data…")
        self.data_button.setToolTip("The numbers in this chart, as a table you can read or copy")
        self.data_button.setAccessibleName("Show data: the numbers behind this class chart")
        self.data_button.clicked.connect(self.show_data)
        self.picker = QComboBox()
        self.picker.setAccessibleName("Chart to show")
        self.picker.setEnabled(False)
        self.picker.currentIndexChanged.connect(self._draw)
        label = QLabel("C&hart:")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setBuddy(self.picker)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setAccessibleName("Class chart")
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.picker)
        row.addStretch(1)
        row.addWidget(self.save_button)
        row.addWidget(self.data_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.area, 1)
        self._set_buttons()

    def show_aggregate(self, result: ClassAggregate | None) -> None:
        self.result = result
        if self.canvas is None and result is None:
            return
        self._ensure_canvas()
        self._draw()

    def _ensure_canvas(self) -> None:
        if self.canvas is not None:
            return
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        from gui.plots.class_figures import CLASS_FIGURES

        self.canvas = FigureCanvasQTAgg(Figure(layout="constrained"))
        self.canvas.setAccessibleName("Class chart")
        self.area.setWidget(self.canvas)
        self.picker.blockSignals(True)
        self.picker.addItems([figure.title for figure in CLASS_FIGURES])
        self.picker.blockSignals(False)

    def _draw(self) -> None:
        if self.canvas is None:
            return
        from gui.plots.class_figures import CLASS_FIGURES
        from gui.plots.style import style_for

        figure = self.canvas.figure
        figure.clear()
        self.picker.setEnabled(self.result is not None)
        self.table = None
        if self.result is not None:
            chart = CLASS_FIGURES[self.picker.currentIndex()]
            self.table = chart.draw(figure.add_subplot(), self.result, style_for(is_dark(self.palette())))
            self.canvas.setMinimumHeight(int(chart.height(self.result) * PIXELS_PER_INCH))
        self._set_buttons()
        self.canvas.draw_idle()

    def _set_buttons(self) -> None:
        self.save_button.setEnabled(self.table is not None)
        self.data_button.setEnabled(self.table is not None)

    def show_data(self) -> None:
        if self.table is not None:
            DataDialog(self.table, self).exec()

    def save_image(self) -> None:
        if self.table is None:
            return
        name, _ = QFileDialog.getSaveFileName(self, "Save chart", str(Path.home() / "class-chart.png"), "PNG image (*.png);;SVG image (*.svg)")
        if name:
            self.export(Path(name))

    def export(self, path: Path) -> None:
        """The chart on screen, at print resolution."""
        save_figure(self.canvas, path)
