"""Building the application: QApplication, theme, settings, store, document and main window."""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QWidget

from gui.app.main_window import MainWindow
from gui.document.document import Document
from gui.document.editor import Editor
from gui.app.settings import UiSettings
from gui.app.window_size import keep_on_screen, size_first_window
from gui.app.startup import StartupRefused, open_store_for_gui, refuse
from gui.widgets.theme import ThemeSwitcher
from gui.widgets.input_guard import install_input_guard
from scenario.pack import LoadedPack, PackError
from scenario.resources import ICON, PACKS_DIR
from store.paths import user_packs_dir

if TYPE_CHECKING:
    from gui.pack_editor.window import PackEditorWindow


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
    window.pack_editor_factory = lambda file: pack_editor_window(data_dir, file, packs_dir)
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
    return _screenshot(app, window, screenshot, size)


def _screenshot(app: QApplication, window: QWidget, out: Path, size: tuple[int, int]) -> int:
    """`--screenshot`: the window at `size`, laid out and painted once as a person would first see it."""
    window.resize(*size)
    window.show()
    app.processEvents()
    saved = window.grab().save(str(out), "PNG")
    window.close()
    if not saved:
        print(f"divestiture-lab: error: could not write the screenshot to {out}", file=sys.stderr)
        return 2
    return 0


EDITOR_PREFERRED = QSize(1600, 1000)  # three columns of tables and forms: more room than the student's window wants
PREVIEW_NOTE = "a preview of a pack being written, so nothing is saved"


def preview_window(loaded: LoadedPack, day: dt.date, role: str | None) -> MainWindow:
    """A student's window on an unsaved pack, in Classroom mode, that writes nothing anywhere a student's data lives.

    No store (so no scenario, answer or date is saved), and UI settings in a throw-away folder
    removed with the window, so a preview cannot change how the student's own window opens.
    """
    app = create_application()
    folder = tempfile.TemporaryDirectory(prefix="divestiture-lab-preview-")
    data_dir = Path(folder.name)
    document = Document(None, (PACKS_DIR, user_packs_dir(data_dir)), PREVIEW_NOTE)
    window = MainWindow(Editor(document, document), UiSettings(data_dir), ThemeSwitcher(app), data_dir)
    document.setParent(window)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.destroyed.connect(lambda *_: folder.cleanup())
    document.start_scenario(loaded, f"Preview: {loaded.pack.title}", "classroom", role)
    document.set_date(day)
    window.setWindowTitle(f"Preview as a student — {loaded.pack.title}")
    return window


def pack_editor_window(data_dir: Path, file: Path | None, packs_dir: Path = PACKS_DIR) -> PackEditorWindow:
    """The pack editor on `file` (or a new pack from the template); raises FileError when `file` cannot be opened.

    Loaded here, not at the top: a student's window never needs the editor.
    """
    from gui.pack_editor.pack_document import PackDocument
    from gui.pack_editor.window import PackEditorWindow
    from scenario.authoring.draft import Draft, read_draft
    from scenario.authoring.template import blank_pack

    draft = read_draft(file) if file is not None else Draft(blank_pack(dt.date.today()))
    document = PackDocument(draft, file)
    window = PackEditorWindow(document, (packs_dir,), user_packs_dir(data_dir), preview_window)
    document.setParent(window)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    settings = UiSettings(data_dir)
    geometry = settings.get("editor/geometry")
    if geometry.isEmpty() or not window.restoreGeometry(geometry):
        size_first_window(window, EDITOR_PREFERRED)

    def keep_geometry() -> None:
        settings.set("editor/geometry", window.saveGeometry())
        settings.sync()

    window.closing.connect(keep_geometry)
    return window


def run_pack_editor(data_dir: Path, theme: str | None, file: Path | None, screenshot: Path | None = None,
                    size: tuple[int, int] = (1280, 800)) -> int:
    """`edit-pack [FILE]`: the pack editor alone, or its picture with `--screenshot`."""
    from scenario.userfile import FileError

    app = create_application()
    ThemeSwitcher(app).apply(theme or UiSettings(data_dir).get("view/theme"))
    try:
        window = pack_editor_window(data_dir, file)
    except FileError as exc:
        print(f"divestiture-lab: error: cannot open pack: {exc}", file=sys.stderr)
        return 2
    if screenshot is None:
        window.show()
        keep_on_screen(window)
        return app.exec()
    return _screenshot(app, window, screenshot, size)
