"""A frame round a widget while it has the keyboard focus, for the widgets the style marks no focus on.

Fusion shows focus on buttons, fields, lists and tables, but not on a read-only text browser: a
keyboard user who tabs into the detail pane sees nothing change (WCAG 2.4.7). Qt's QFocusFrame
draws the frame in the window's text colour, so it contrasts in either theme; it is attached on
focus in and taken off on focus out, since on its own it stays round its widget for good.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFocusFrame, QWidget


class FocusMark(QObject):
    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.frame = QFocusFrame(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusIn:
            self.frame.setWidget(watched)
        elif event.type() == QEvent.Type.FocusOut:
            self.frame.setWidget(None)
        return False
