"""Work that only matters on screen: done at once while a widget is shown, else when it next appears.

A tab the student is not looking at needs only the latest state, and only once it is shown;
stepping through time with another tab in front should cost it nothing.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget


class WhenShown(QObject):
    """Call it (a slot for any signal) to run `update` now if `widget` is visible, else on its next show.

    `needed_now`, if given, says when a hidden widget must update all the same: a list whose
    chosen row may have stopped being known, say, so the always-visible detail pane clears.
    """

    def __init__(self, widget: QWidget, update: Callable[[], None], needed_now: Callable[[], bool] | None = None) -> None:
        super().__init__(widget)
        self._widget, self._update, self._needed_now = widget, update, needed_now
        self.pending = False
        widget.installEventFilter(self)

    def __call__(self, *_: object) -> None:
        if self._widget.isVisible() or (self._needed_now is not None and self._needed_now()):
            self.pending = False
            self._update()
        else:
            self.pending = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.pending:
            self.pending = False
            self._update()
        return False
