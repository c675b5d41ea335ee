"""Building the application: QApplication, theme, settings, store, document and main window."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from gui.app.main_window import MainWindow
from gui.document.document import Document
from gui.document.editor import Editor
from gui.app.settings import UiSettings
from gui.app.window_size import keep_on_screen
from gui.app.startup import StartupRefused, open_store_for_gui, refuse
from gui.widgets.theme import ThemeSwitcher
from gui.widgets.input_guard import install_input_guard
from scenario.pack import LoadedPack, PackError
from scenario.resources import ICON, PACKS_DIR
from store.paths import user_packs_dir


def create_application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Divestiture Lab")
    app.setOrganizationName("Divestiture Lab")
    app.setDesktopFileName("divestiture-lab")
    app.setWindowIcon(QIcon(str(ICON)))
    install_input_guard(app)
    return app


def build_window(data_dir: Path, theme: str | None = None, pack: LoadedPack | None = None, day: dt.date | None = None,
                 packs_dir: Path = PACKS_DIR, interactive: bool = True) -> MainWindow:
    """The fully wired window: on `pack` if given, else on the last scenario, else the start page.

    Raises StartupRefused when the data directory must not be used (see gui.app.startup).
    """
    app = create_application()
    settings = UiSettings(data_dir)
    themes = ThemeSwitcher(app)
    themes.apply(theme or settings.get("view/theme"))
    store, unavailable = open_store_for_gui(data_dir, interactive)
    document = Document(store, (packs_dir, user_packs_dir(data_dir)), unavailable)
    editor = Editor(document, document)
    window = MainWindow(editor, settings, themes, data_dir)
    document.setParent(window)
    last = store.last_opened() if store else None
    if pack is not None:
        try:
            document.resume_or_start(document.keep_pack(pack))
        except PackError as exc:
            _pack_failed(window, exc, interactive)
            return window
        if day is not None:
            document.set_date(day)
    elif last is not None:
        try:
            document.open_scenario(last)
        except PackError as exc:
            _pack_failed(window, exc, interactive)
    else:
        window.show_start_page()
    return window


def _pack_failed(window: MainWindow, error: PackError, interactive: bool) -> None:
    """The start page, and why the pack could not be opened: in a box, or (a `--screenshot` run,
    which no one is there to click through) on stderr."""
    window.show_start_page()
    if interactive:
        window.show_pack_error(error)
    else:
        print(f"divestiture-lab: cannot open pack: {error.file}: {error.first}", file=sys.stderr)


def run(data_dir: Path, theme: str | None, pack: LoadedPack | None, day: dt.date | None,
        screenshot: Path | None = None, size: tuple[int, int] = (1280, 800)) -> int:
    app = create_application()
    interactive = screenshot is None
    try:
        window = build_window(data_dir, theme, pack, day, interactive=interactive)
    except StartupRefused as exc:
        return refuse(str(exc), interactive)
    if interactive:
        window.show()
        if window.first_start:
            keep_on_screen(window)
        return app.exec()
    window.resize(*size)
    window.show()
    app.processEvents()  # lay out and paint once, as a person would first see it
    saved = window.grab().save(str(screenshot), "PNG")
    window.close()
    if not saved:
        print(f"divestiture-lab: error: could not write the screenshot to {screenshot}", file=sys.stderr)
        return 2
    return 0
