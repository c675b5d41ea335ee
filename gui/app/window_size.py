"""The first window's size: as large as the app prefers, but inside the screen's available area
(without panels and docks), frame and title bar included, so the status bar is never off-screen.

A window manager adds the frame only once the window is shown, so the size is set twice: first
from a typical frame, then (`keep_on_screen`) from the frame the window really got.
"""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

PREFERRED = QSize(1280, 800)
DESIGNED_AT_POINTS = 9.0  # the font the layout was designed at (Qt's default on Linux)
TYPICAL_FRAME = QMargins(4, 32, 4, 4)  # left, title bar, right, bottom
CHECKS_MS = (0, 150, 500)  # the frame's size arrives from the window manager a little after the window maps


def fitted(available: QRect, frame: QMargins, preferred: QSize = PREFERRED) -> QRect:
    """The client rectangle (without the frame) of a window as near `preferred` as fits, centred."""
    width = min(preferred.width(), available.width() - frame.left() - frame.right())
    height = min(preferred.height(), available.height() - frame.top() - frame.bottom())
    outer_w, outer_h = width + frame.left() + frame.right(), height + frame.top() + frame.bottom()
    left = available.left() + (available.width() - outer_w) // 2 + frame.left()
    top = available.top() + (available.height() - outer_h) // 2 + frame.top()
    return QRect(left, top, width, height)


def preferred(font: QFont, base: QSize = PREFERRED) -> QSize:
    """`base` grown with a larger font: a student who reads at 14 pt needs the room the layout
    has at 9 pt, or the tabs scroll out of sight and every pane shows a line or two."""
    grow = max(1.0, font.pointSizeF() / DESIGNED_AT_POINTS)
    return QSize(round(base.width() * grow), round(base.height() * grow))


def size_first_window(window: QWidget, base: QSize = PREFERRED) -> None:
    """Before the window is shown, on a first start (no saved geometry)."""
    screen = window.screen()
    wanted = preferred(window.font(), base)
    window.setGeometry(fitted(screen.availableGeometry(), TYPICAL_FRAME, wanted) if screen else QRect(QPoint(0, 0), wanted))


def keep_on_screen(window: QWidget) -> None:
    """After the window is shown: shrink and move it so its real frame fits the available area."""

    def check() -> None:
        screen = window.screen()
        if screen is None or not window.isVisible() or window.isMaximized() or window.isFullScreen():
            return
        available, outer, inner = screen.availableGeometry(), window.frameGeometry(), window.geometry()
        if available.contains(outer):
            return
        frame = QMargins(inner.left() - outer.left(), inner.top() - outer.top(), outer.right() - inner.right(), outer.bottom() - inner.bottom())
        window.setGeometry(fitted(available, frame, inner.size()))

    for delay in CHECKS_MS:
        QTimer.singleShot(delay, window, check)
