"""The main window: a start page and a workspace, the menus, and remembered layout."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMessageBox, QStackedWidget

from gui.session import Move, Session
from gui.settings import THEMES, UiSettings
from gui.start_page import StartPage
from gui.step_actions import StepActions
from gui.theme import ThemeSwitcher
from gui.workspace import Workspace
from scenario.labels import short_date
from scenario.pack import LoadedPack, PackError, discover_packs

APP_TITLE = "Divestiture Lab"


class MainWindow(QMainWindow):
    def __init__(self, session: Session, settings: UiSettings, themes: ThemeSwitcher, data_dir: Path, packs_dir: Path) -> None:
        super().__init__()
        self.session = session
        self.settings = settings
        self.themes = themes
        self.data_dir = data_dir
        self.packs_dir = packs_dir
        self.setWindowTitle(APP_TITLE)
        self.step_actions = StepActions(session, self)
        self.start_page = StartPage()
        self.workspace = Workspace(session, self.step_actions)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.start_page)
        self.pages.addWidget(self.workspace)
        self.setCentralWidget(self.pages)
        self._build_menus()
        self.start_page.chosen.connect(self.open_pack)
        self.start_page.failed.connect(self.show_pack_error)
        session.packOpened.connect(self._pack_opened)
        session.dateChanged.connect(self._date_changed)
        session.packClosed.connect(lambda: self.pages.setCurrentWidget(self.start_page))
        self._restore_layout()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.choose_action = file_menu.addAction("&Choose another pack…", self.show_start_page)
        self.choose_action.setShortcut(QKeySequence.StandardKey.Open)
        file_menu.addSeparator()
        quit_action = file_menu.addAction("&Quit", self.close)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)

        go_menu = self.menuBar().addMenu("&Go")
        for move in Move:
            go_menu.addAction(self.step_actions.actions[move])

        view_menu = self.menuBar().addMenu("&View")
        self.reveal_action = view_menu.addAction("Show &later events")
        self.reveal_action.setCheckable(True)
        self.reveal_action.setToolTip("List events after the current date too, greyed out (spoilers)")
        self.reveal_action.toggled.connect(self._reveal_toggled)
        self.reveal_action.setChecked(self.settings.get("view/revealLater"))
        theme_menu = view_menu.addMenu("&Theme")
        group = QActionGroup(self)
        current = self.settings.get("view/theme")
        for theme in THEMES:
            action = QAction(theme.capitalize(), group, checkable=True)
            action.setChecked(theme == current)
            action.triggered.connect(lambda _checked=False, t=theme: self.set_theme(t))
            theme_menu.addAction(action)

        help_menu = self.menuBar().addMenu("&Help")
        help_menu.addAction("&About Divestiture Lab", self.show_about)

    def show_start_page(self) -> None:
        """Scans the pack folder afresh each time, so a pack a teacher just copied in appears."""
        self.start_page.set_entries(discover_packs(self.packs_dir))
        self.pages.setCurrentWidget(self.start_page)
        self.setWindowTitle(APP_TITLE)

    def open_pack(self, loaded: LoadedPack, day: dt.date | None = None) -> None:
        if day is None and self.settings.get("last/pack") == loaded.pack.id:
            saved = self.settings.get("last/date")
            day = dt.date.fromisoformat(saved) if _is_iso_date(saved) else None
        self.session.open_pack(loaded, day)

    def show_pack_error(self, error: PackError) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, "Cannot open this pack", f"The pack {error.file} cannot be used.", parent=self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText("\n".join(str(p) for p in error.problems[:8]))
        box.exec()

    def set_theme(self, theme: str) -> None:
        self.themes.apply(theme)
        self.settings.set("view/theme", theme)

    def show_about(self) -> None:
        from gui.about_dialog import AboutDialog  # rarely opened: kept off the start-up path

        AboutDialog(self.data_dir, self).exec()

    def _reveal_toggled(self, reveal: bool) -> None:
        self.session.set_reveal_later(reveal)
        self.settings.set("view/revealLater", reveal)

    def _pack_opened(self, loaded: LoadedPack) -> None:
        self.pages.setCurrentWidget(self.workspace)
        self.settings.set("last/pack", loaded.pack.id)
        self.workspace.setFocus()

    def _date_changed(self, day: dt.date) -> None:
        assert self.session.loaded is not None
        self.setWindowTitle(f"{self.session.loaded.pack.title}: {short_date(day)} — {APP_TITLE}")
        self.settings.set("last/date", day.isoformat())

    def _restore_layout(self) -> None:
        geometry = self.settings.get("window/geometry")
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1280, 800)
        self.restoreState(self.settings.get("window/state"))
        for splitter in self.workspace.splitters():
            state = self.settings.get(f"splitters/{splitter.objectName()}")
            if not state.isEmpty():
                splitter.restoreState(state)

    def save_layout(self) -> None:
        self.settings.set("window/geometry", self.saveGeometry())
        self.settings.set("window/state", self.saveState())
        for splitter in self.workspace.splitters():
            self.settings.set(f"splitters/{splitter.objectName()}", QByteArray(splitter.saveState()))
        self.settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)


def _is_iso_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True
