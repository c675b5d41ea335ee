"""A chart on screen: a matplotlib figure created only once the panel is first shown.

matplotlib takes a few hundred milliseconds to import, so no figure exists until its panel
becomes visible (after the window has painted). While hidden, a panel only notes that it is
out of date, so stepping through time never pays for charts nobody is looking at. A chart
whose drawing reports `moving_artists` gets a Blitter: moving those artists and calling
`repaint_moving` costs a millisecond or two, where a full draw costs several frames.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from gui.charts.chart_style import chart_style
from gui.charts.data_dialog import DataDialog
from gui.widgets.drawing_import import drawing_ready, import_in_background
from gui.widgets.idle_work import ACTIVITY
from gui.widgets.folders import in_start_folder, remember
from gui.widgets.theme import MutedLabel

CATCH_UP_AFTER_MS = 1000  # a pause this long in stepping or typing: a hidden chart is drawn again then
Drawer = Callable[[Any, Any], Any]  # (Axes, ChartStyle) -> ChartTable or TimelineChart


def preload_charts() -> None:
    """Start importing what the first chart on screen needs, off the UI thread, so it does not
    pay for it; called once the window has painted."""
    import_in_background(_import_drawing)


def _import_drawing() -> None:
    """matplotlib, its Qt canvas (classes only: nothing is made here) and the drawing code."""
    from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg  # noqa: F401
    from matplotlib.figure import Figure  # noqa: F401

    import gui.plots  # noqa: F401
    import gui.plots.calibration  # noqa: F401
    import scenario.implications  # noqa: F401  what the outcome charts compute
    import scenario.known  # noqa: F401
    import scenario.scoring  # noqa: F401


def save_figure(canvas: Any, path: Path) -> None:
    """The canvas's figure at print resolution, with the screen still following the figure.

    QtAgg's print_figure marks a draw as pending and leaves it to the paint Qt sends when a
    file dialog closes. Until some paint comes, every draw_idle is a no-op, so the chart drawn
    next reached the figure but not the screen (Show data had it; the canvas kept the saved
    one). Asking for that paint runs the pending draw, whatever the figure holds by then.
    """
    canvas.figure.savefig(path, dpi=200, facecolor=canvas.figure.get_facecolor())
    canvas.update()


class FigurePanel(QWidget):
    drawn = Signal(object)  # whatever the drawer returned

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self.figure = None
        self.canvas = None
        self.result: Any = None
        self.blitter: Any = None
        self._drawer: Drawer | None = None
        self._stale = False
        self._draw_when_shown = False
        self._drawn_once = False  # at its size, so a drawing dropped while hidden can be made again in idle time
        self._catch_up = QTimer(self, singleShot=True, interval=CATCH_UP_AFTER_MS)
        self._catch_up.timeout.connect(self._draw_hidden)
        self.placeholder = MutedLabel("Preparing the chart…")  # not a disabled label: its grey is too faint to read
        self.save_button = QPushButton("Save &image…")
        self.save_button.setToolTip("Save this chart as PNG or SVG")
        self.save_button.clicked.connect(self.save_image)
        self.data_button = QPushButton("Sho&w data…")
        self.data_button.setToolTip("The numbers in this chart, as a table you can read or copy")
        self.data_button.clicked.connect(self.show_data)
        self.saved_note = MutedLabel()  # what Save image did: a file dialog closing says nothing
        self.saved_note.setAccessibleDescription("Chart image saved")
        buttons = QHBoxLayout()
        buttons.addWidget(self.saved_note, 1)
        buttons.addWidget(self.save_button)
        buttons.addWidget(self.data_button)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.addWidget(self.placeholder, 1)
        self.box.addLayout(buttons)

    def set_drawer(self, drawer: Drawer) -> None:
        """What to draw; drawn now if the panel is on screen, else when it next appears.

        Hidden, the old drawing is dropped at once: it may show what is no longer known on the
        date (a step back), and must not stay in the window. Once the student pauses, it is
        drawn again in idle time, so showing it is still quick.
        """
        self._drawer = drawer
        self._stale = True
        if self.canvas is None:
            return
        if self.isVisible():
            self.render()
            return
        if self.result is not None:
            self._release()
            self.figure.clear()
            self.result = None
        if self._drawn_once:
            self._catch_up.start()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.canvas is None:
            QTimer.singleShot(0, self.prepare)  # after this paint: the window shows first
        elif self._stale:
            self.render()
        elif self._draw_when_shown:
            self._draw_when_shown = False
            self.canvas.draw_idle()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.FontChange) and self.canvas is not None:
            self._stale = True
            if self.isVisible():
                self.render()

    def prepare(self) -> None:
        """Make the figure and its artists: when first shown, or ahead of time as idle work while
        the panel is hidden, so that showing it leaves only the draw at its size to do."""
        if self.canvas is not None:
            return
        drawing_ready()
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg
        from matplotlib.figure import Figure

        self.figure = Figure(layout="constrained")
        self.canvas = FigureCanvasQTAgg(self.figure)
        self.canvas.setAccessibleName(self.accessibleName())
        self.canvas.setMinimumHeight(160)
        self.canvas.mpl_connect("draw_event", self._drawn_in_full)
        self.box.replaceWidget(self.placeholder, self.canvas)
        self.placeholder.hide()
        self.canvas.show()
        self.box.activate()  # the canvas takes its size now: the first draw is at the size seen, not matplotlib's default
        self.render()

    @property
    def ready_to_show(self) -> bool:
        """Drawn, and at its size: showing it now only paints (idle work has prepared it)."""
        return self.result is not None and not self._stale and not self._draw_when_shown

    def _drawn_in_full(self, _event: object) -> None:
        """Drawn at its size while hidden (laid out as idle work): showing it only paints."""
        self._draw_when_shown = False
        self._drawn_once = True

    def _draw_hidden(self) -> None:
        """Idle work after a pause: the drawing dropped while hidden, made again at the size it had."""
        if (wait := CATCH_UP_AFTER_MS - ACTIVITY.quiet_ms()) > 0:  # still stepping: a draw now would be a hitch
            self._catch_up.start(math.ceil(wait))
        elif self._stale and not self.isVisible() and self.window().isVisible():  # not for a closed window
            self.render()
            self.canvas.draw()

    def _release(self) -> None:
        if self.blitter is not None:
            self.blitter.release()
            self.blitter = None

    def render(self) -> None:
        if self.canvas is None or self._drawer is None:
            return
        self._stale = False
        self._release()
        self.figure.clear()
        ax = self.figure.add_subplot()
        self.result = self._drawer(ax, chart_style(self.palette(), self.font()))
        if hasattr(self.result, "moving_artists"):
            from gui.plots import Blitter

            self.blitter = Blitter(self.canvas, self.result.moving_artists)
        self._draw_when_shown = not self.isVisible()  # a draw now would be at a size nobody sees
        if not self._draw_when_shown:
            self.canvas.draw_idle()
        self.drawn.emit(self.result)

    def repaint_moving(self) -> bool:
        """After the chart's moving artists were changed: repaint just them, if on screen."""
        if self.blitter is None or not self.isVisible():
            return False
        self.blitter.update()
        return True

    def table(self):
        """The numbers shown: a drawing returns them, or a chart object that can give them."""
        return self.result.table() if hasattr(self.result, "table") else self.result

    def show_data(self) -> None:
        if self.result is not None:
            DataDialog(self.table(), self).exec()

    def save_image(self) -> None:
        if self.figure is None:
            return
        name, chosen = QFileDialog.getSaveFileName(self, "Save chart", in_start_folder("chart.png"), "PNG image (*.png);;SVG image (*.svg)")
        if not name:
            return
        remember(name)
        path = Path(name)
        if path.suffix.lower() not in (".png", ".svg"):  # "x" typed in the dialog: the type chosen there, as the note will say
            path = path.with_name(path.name + (".svg" if "svg" in chosen.lower() else ".png"))
        try:
            self.export(path)
        except (OSError, ValueError) as exc:
            self.saved_note.setText(f"Not saved: {getattr(exc, 'strerror', None) or exc}")
            self.saved_note.setToolTip(str(path))
            return
        self.saved_note.setText(f"Saved as {path.name}")
        self.saved_note.setToolTip(f"Saved to {path}")

    def export(self, path: Path) -> None:
        """Draws afresh for the file, so any blitted (animated) artists are included."""
        for artist in self.figure.findobj(lambda a: a.get_animated()):
            artist.set_animated(False)
        save_figure(self.canvas, path)
        self.render()
