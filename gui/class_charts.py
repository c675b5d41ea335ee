"""The class charts on one matplotlib canvas, created on first use so the window paints first.

Only this widget touches matplotlib's Qt backend (a Figure with FigureCanvasQTAgg, never
pyplot); the drawing itself is the Qt-free functions in `gui.plots`.
"""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QVBoxLayout, QWidget

from gui.theme import is_dark
from scenario.classroom import ClassAggregate

MIN_HEIGHT = 640  # px: below this the four charts' labels collide, so the area scrolls instead


class ClassCharts(QScrollArea):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setAccessibleName("Class charts")
        self.canvas = None

    def show_aggregate(self, result: ClassAggregate | None) -> None:
        from gui.plots.calibration import draw_calibration
        from gui.plots.class_assumptions import draw_class_assumptions
        from gui.plots.class_forecasts import draw_class_forecasts
        from gui.plots.role_weights import draw_role_weights
        from gui.plots.style import style_for

        figure = self._figure()
        figure.clear()
        if result is None:
            self.canvas.draw_idle()
            return
        style = style_for(is_dark(self.palette()))
        top_left, top_right, bottom_left, bottom_right = figure.subplots(2, 2).flat
        draw_class_assumptions(top_left, result.assumptions, style)
        draw_role_weights(top_right, result.weights, style)
        draw_class_forecasts(bottom_left, result.questions, style)
        draw_calibration(bottom_right, result.calibration, style)
        self.canvas.draw_idle()

    def _figure(self):
        if self.canvas is None:
            from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
            from matplotlib.figure import Figure

            self.canvas = FigureCanvasQTAgg(Figure(layout="constrained"))
            self.canvas.setMinimumHeight(MIN_HEIGHT)
            self.canvas.setAccessibleName("Class charts: assumptions, weights by role, forecasts, calibration")
            holder = QWidget()
            QVBoxLayout(holder).addWidget(self.canvas)
            holder.layout().setContentsMargins(0, 0, 0, 0)
            self.setWidget(holder)
        return self.canvas.figure
