"""Run in a real X window by tests/gui/test_real_window.py: start the app as `run` does, show every
tab, and print (as JSON) each thing that does not fit: text cut off, a widget outside the window,
a tab scrolled out of sight, the status bar off screen. Empty means everything fits.

    python -m tests.gui.window_fit DATA_DIR [--font-points 14]     (QT_SCALE_FACTOR=1.5 in the environment for 150%)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QAbstractSpinBox, QApplication, QLabel, QWidget

DAY = dt.date(2020, 8, 21)  # a busy day of the 2020 pack: three questions open, a prompt, long banner text


def _settle(seconds: float) -> None:
    """Let the window manager frame and size the window: another process, no signal to wait on."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QApplication.processEvents()
        time.sleep(0.02)


def _name(widget: QWidget) -> str:
    text = widget.accessibleName() or (widget.text() if isinstance(widget, (QLabel, QAbstractButton)) else "")
    return f"{type(widget).__name__} {text[:60]!r}"


def _scrolled(widget: QWidget) -> bool:
    """Inside a scroll area's page: it may lie outside the window, scrolled out of view."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent.parentWidget(), QAbstractScrollArea) and parent is parent.parentWidget().viewport():
            return True
        parent = parent.parentWidget()
    return False


def misfits(window: QWidget, where: str) -> list[str]:
    found = []
    inside = window.rect()
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.width() == 0:
            continue
        box = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        if not _scrolled(widget) and not inside.contains(box):
            found.append(f"{where}: {_name(widget)} lies outside the window ({box.getRect()} in {inside.getRect()})")
        if isinstance(widget, QLabel) and widget.text() and not widget.pixmap():
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height():
                    found.append(f"{where}: {_name(widget)} needs {needed} px of height, has {widget.height()}")
            elif widget.sizeHint().width() > widget.width():
                found.append(f"{where}: {_name(widget)} needs {widget.sizeHint().width()} px of width, has {widget.width()}")
        elif isinstance(widget, (QAbstractButton, QAbstractSpinBox)) and widget.sizeHint().width() > widget.width():
            found.append(f"{where}: {_name(widget)} is cut: needs {widget.sizeHint().width()} px, has {widget.width()}")
    return found


def main(argv: list[str]) -> int:
    options = argparse.ArgumentParser()
    options.add_argument("data_dir")
    options.add_argument("--font-points", type=float)
    args = options.parse_args(argv)
    app = QApplication(sys.argv[:1])
    if args.font_points:  # as a desktop whose system font is this size starts the app
        font = app.font()
        font.setPointSizeF(args.font_points)
        app.setFont(font)
    from pathlib import Path

    from gui.app.application import build_window
    from gui.app.window_size import keep_on_screen
    from scenario.pack import load_pack
    from scenario.resources import PACKS_DIR

    window = build_window(Path(args.data_dir), "light", load_pack(PACKS_DIR / "tiktok-2020.json"), DAY)
    window.show()
    keep_on_screen(window)
    _settle(2.0)
    found = []
    screen = window.screen().availableGeometry()
    if not screen.contains(window.frameGeometry()):
        found.append(f"the window {window.frameGeometry().getRect()} is not inside the screen {screen.getRect()}")
    status = window.statusBar()
    if not status.isVisible() or not window.rect().contains(QRect(status.mapTo(window, QPoint(0, 0)), status.size())):
        found.append("the status bar is not on screen")
    tabs = window.workspace.tabs
    for n in range(tabs.count()):
        window.workspace.show_tab(n)
        _settle(0.3)
        where = tabs.tabText(n).replace("&", "")
        bar = tabs.tabBar()
        for t in range(tabs.count()):
            if not bar.rect().contains(bar.tabRect(t)):
                found.append(f"{where}: the tab {tabs.tabText(t)!r} is scrolled out of sight")
        found += misfits(window, where)
    print(json.dumps({"size": window.size().toTuple(), "misfits": sorted(set(found))}))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
