"""Text blocks whose height only grows while the student works, so what sits beside them stays put.

When a wrapped line comes or goes with a step or an edit, Qt lays the page out again: the
lists below the banner jump under the student's eyes, and a chart beside an explanation is
resized, which is a full matplotlib draw (about 100 ms, a stutter while dragging a slider).
Keeping the room a block has needed costs at most a blank line; a new width, or a new pack
(`reset`), measures afresh.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget


class GrowOnly(QObject):
    """Call `fit()` after changing the text inside `widget` (a widget with a layout)."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.widget = widget
        widget.installEventFilter(self)

    def fit(self) -> None:
        """Measured without forcing a layout: this runs on every step."""
        layout = self.widget.layout()
        width = self.widget.width()
        needed = layout.totalHeightForWidth(width) if layout.hasHeightForWidth() else layout.totalSizeHint().height()
        if needed > self.widget.minimumHeight():
            self.widget.setMinimumHeight(needed)

    def reset(self) -> None:
        """Forget the room needed so far (a new pack): the next `fit` measures what is shown then."""
        self.widget.setMinimumHeight(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and isinstance(event, QResizeEvent) and event.size().width() != event.oldSize().width():
            self.reset()  # wider, fewer lines are needed; narrower, more
            self.fit()
        return False
