"""Sliders, spin boxes and combo boxes take the mouse wheel only when focused, app-wide.

Scrolling a page of assumptions must scroll the page, not change whatever slider passes under
the pointer (an unseen edit that ends up in a submission). One application event filter does
it for every such widget, present and future: an unfocused one passes the wheel on to the
scroll area it sits in, and none takes focus from the wheel alone, so a click or Tab is what
makes it take the wheel.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox, QScrollBar, QWidget

GUARDED = (QAbstractSlider, QAbstractSpinBox, QComboBox)
_WHEEL, _POLISH = QEvent.Type.Wheel, QEvent.Type.Polish


def _scroll_instead(widget: QWidget, event: QWheelEvent) -> None:
    """Give the wheel to the scroll area the widget sits in, if any (sent, not left to Qt's
    propagation, which only spontaneous events get); otherwise let it go by."""
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QAbstractScrollArea):
        parent = parent.parentWidget()
    if parent is None:
        event.ignore()
        return
    viewport = parent.viewport()
    position = viewport.mapFromGlobal(event.globalPosition())
    QApplication.sendEvent(viewport, QWheelEvent(position, event.globalPosition(), event.pixelDelta(), event.angleDelta(),
                                                 event.buttons(), event.modifiers(), event.phase(), event.inverted(), event.source()))
    event.accept()


def _guarded(widget: QObject) -> bool:
    """A value editor; scroll bars are sliders too, but scrolling is what they are for."""
    return isinstance(widget, GUARDED) and not isinstance(widget, QScrollBar)


class WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind is _WHEEL:
            if _guarded(watched) and not watched.hasFocus():
                _scroll_instead(watched, event)
                return True
        elif kind is _POLISH and _guarded(watched):
            widget: QWidget = watched
            if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return False


def install_wheel_guard(app: QApplication) -> WheelGuard:
    """Once per application; calling it again keeps the one guard."""
    guard = app.findChild(WheelGuard)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
    return guard
