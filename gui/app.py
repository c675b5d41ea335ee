"""Building the application: QApplication, theme, settings, session and main window."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from gui.main_window import MainWindow
from gui.session import Session
from gui.settings import UiSettings
from gui.theme import ThemeSwitcher
from scenario.pack import LoadedPack
from scenario.resources import ICON, PACKS_DIR


def create_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Divestiture Lab")
    app.setOrganizationName("Divestiture Lab")
    app.setDesktopFileName("divestiture-lab")
    app.setWindowIcon(QIcon(str(ICON)))
    return app


def build_window(data_dir: Path, theme: str | None = None, pack: LoadedPack | None = None, day: dt.date | None = None,
                 packs_dir: Path = PACKS_DIR) -> MainWindow:
    """The fully wired window, shown on the start page or, given a pack, on that pack."""
    app = create_application()
    data_dir.mkdir(parents=True, exist_ok=True)
    settings = UiSettings(data_dir)
    themes = ThemeSwitcher(app)
    themes.apply(theme or settings.get("view/theme"))
    window = MainWindow(Session(app), settings, themes, data_dir, packs_dir)
    if pack is None:
        window.show_start_page()
    else:
        window.open_pack(pack, day)
    return window


def run(data_dir: Path, theme: str | None, pack: LoadedPack | None, day: dt.date | None,
        screenshot: Path | None = None, size: tuple[int, int] = (1280, 800)) -> int:
    app = create_application()
    window = build_window(data_dir, theme, pack, day)
    if screenshot is None:
        window.show()
        return app.exec()
    window.resize(*size)
    window.show()
    saved = []
    QTimer.singleShot(0, lambda: (saved.append(window.grab().save(str(screenshot), "PNG")), app.quit()))
    app.exec()
    if not saved or not saved[0]:
        print(f"divestiture-lab: error: could not write the screenshot to {screenshot}", file=sys.stderr)
        return 2
    return 0
