"""Value editors keep the input meant for them, app-wide, in one application event filter.

- **The wheel.** Sliders, spin boxes and combo boxes take the mouse wheel only when focused.
  Scrolling a page of assumptions must scroll the page, not change whatever slider passes under
  the pointer (an unseen edit that ends up in a submission). An unfocused one passes the wheel
  on to the scroll area it sits in, and none takes focus from the wheel alone, so a click or Tab
  is what makes it take the wheel.
- **Arrow keys.** A focused slider or spin box keeps Left, Right, Up, Down, Home, End, Page Up
  and Page Down for itself, although the window uses some of them as shortcuts (stepping the date).
  A focused list or table keeps Up, Down, Home, End, Page Up and Page Down, as lists do
  everywhere; Left and Right still step the date from a list, which has no use for them.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView, QAbstractScrollArea, QAbstractSlider, QAbstractSpinBox, QApplication, QComboBox, QScrollBar, QWidget,
)

GUARDED = (QAbstractSlider, QAbstractSpinBox, QComboBox)
_WHEEL, _POLISH, _OVERRIDE = QEvent.Type.Wheel, QEvent.Type.Polish, QEvent.Type.ShortcutOverride
_LIST_KEYS = {Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home, Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}
_OWN_KEYS = _LIST_KEYS | {Qt.Key.Key_Left, Qt.Key.Key_Right}


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


def _keeps_key(widget: QObject, event: QKeyEvent) -> bool:
    """A slider or spin box (combo boxes open on arrows, which the window may want), or a list,
    with the focus, and a key it moves by with no modifier (Shift+Right and Ctrl+Right still step the date)."""
    if event.modifiers() not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier):
        return False
    if isinstance(widget, (QAbstractSlider, QAbstractSpinBox)) and not isinstance(widget, QScrollBar):
        return event.key() in _OWN_KEYS
    return isinstance(widget, QAbstractItemView) and event.key() in _LIST_KEYS


class InputGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind is _WHEEL:
            if _guarded(watched) and not watched.hasFocus():
                _scroll_instead(watched, event)
                return True
        elif kind is _OVERRIDE:
            if _keeps_key(watched, event):
                event.accept()  # the key goes to the widget, not to a window shortcut
        elif kind is _POLISH and _guarded(watched):
            widget: QWidget = watched
            if widget.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return False


def install_input_guard(app: QApplication) -> InputGuard:
    """Once per application; calling it again keeps the one guard."""
    guard = app.findChild(InputGuard)
    if guard is None:
        guard = InputGuard(app)
        app.installEventFilter(guard)
    return guard
