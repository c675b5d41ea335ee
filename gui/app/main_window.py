"""The main window: a start page and a workspace, the menus, the save status, remembered layout."""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QPaintEvent
from PySide6.QtWidgets import QDialog, QLabel, QMainWindow, QMessageBox, QStackedWidget

from gui.app.settings import THEMES, UiSettings
from gui.app.window_size import keep_on_screen, size_first_window
from gui.charts.figure_panel import preload_charts
from gui.widgets.drawing_import import drawing_imported
from gui.widgets.idle_work import IdleWork
from gui.document.editor import Editor
from gui.editors.forecast_alerts import ForecastAlerts
from gui.start.new_scenario_dialog import NewScenarioDialog
from gui.start.scenario_list import ScenarioListModel
from gui.start.start_page import StartPage
from gui.widgets.announce import announce
from gui.widgets.folders import remember as remember_folder, start_folder
from gui.widgets.plain import message_box, without_mnemonic
from gui.widgets.theme import ThemeSwitcher
from gui.widgets.typed_text import commit_typed_text
from gui.workspace.step_actions import StepActions
from gui.workspace.workspace import Workspace
from scenario.labels import short_date
from scenario.pack import LoadedPack, PackError, discover_packs
from scenario.rules import Move
from scenario.userfile import FileError

if TYPE_CHECKING:
    from gui.pack_editor.window import PackEditorWindow

APP_TITLE = "Divestiture Lab"


# Menu command modules load when first used, not before the window paints.
def _file_actions() -> ModuleType:
    from gui.actions import file_actions

    return file_actions


def _classroom_actions() -> ModuleType:
    from gui.actions import classroom_actions

    return classroom_actions


def _pack_actions() -> ModuleType:
    from gui.actions import pack_actions

    return pack_actions


def _shortcuts_dialog() -> ModuleType:
    from gui.app import shortcuts_dialog

    return shortcuts_dialog


class MainWindow(QMainWindow):
    def __init__(self, editor: Editor, settings: UiSettings, themes: ThemeSwitcher, data_dir: Path) -> None:
        super().__init__()
        self.editor = editor
        self.document = document = editor.document
        self.settings = settings
        self.themes = themes
        self.data_dir = data_dir
        self._painted = False
        # after the first paint, with a pack open: the tabs' views and charts, once the drawing code is imported
        self.idle_work = IdleWork(drawing_imported, self)
        self.class_windows: list = []  # teacher views opened from this window, kept alive while open
        self.pack_editors: list[PackEditorWindow] = []  # each asks about its unsaved changes before the app quits
        # makes a pack editor window on a file (None: a new pack); set by whoever builds this window (gui.app.application)
        self.pack_editor_factory: Callable[[Path | None], PackEditorWindow] | None = None
        self.setWindowTitle(APP_TITLE)
        self.step_actions = StepActions(document, self)
        self.scenario_list = ScenarioListModel(document, self)
        self._start_page: StartPage | None = None
        self.workspace = Workspace(editor, self.step_actions)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.workspace)
        self.setCentralWidget(self.pages)
        self.save_status = QLabel()
        self.save_status.setTextFormat(Qt.TextFormat.PlainText)
        self.save_status.setAccessibleDescription("Save status")
        self.mode_status = QLabel()
        self.mode_status.setTextFormat(Qt.TextFormat.PlainText)
        self.mode_status.setAccessibleDescription("Mode")
        self.mode_status.setContentsMargins(0, 0, 16, 0)
        self.statusBar().addPermanentWidget(self.mode_status)
        self.statusBar().addPermanentWidget(self.save_status)
        for mode in ("classroom", "explore"):
            self.document.ask_before_locking[mode] = settings.get(f"go/askBeforeLocking/{mode}")
        self.forecast_alerts = ForecastAlerts(document, self.workspace.tabs, self.workspace.forecasts, self.statusBar(),
                                              self._remember_lock_question, self)
        self._build_menus()
        document.packOpened.connect(self._pack_opened)
        document.dateChanged.connect(self._update_title)
        document.scenarioLeaving.connect(lambda: commit_typed_text(self))
        document.scenarioOpened.connect(self._update_title)
        document.recordChanged.connect(self._update_title)
        document.scenarioOpened.connect(self._update_mode)
        document.scenarioOpened.connect(lambda _record: self.workspace.stepper.take_focus())  # once the step buttons know the date
        document.recordChanged.connect(self._update_mode)
        document.revealRequested.connect(self.confirm_reveal)
        document.storeFailed.connect(self.show_store_failure)
        document.notice.connect(lambda text: self.statusBar().showMessage(text, 20000))
        self.statusBar().messageChanged.connect(lambda text: announce(self.statusBar(), text))
        document.scenariosChanged.connect(self._update_exports)
        document.autosave.statusChanged.connect(self.save_status.setText)
        if document.autosave.store is None:
            self.save_status.setText(document.autosave.status())
        elif document.backup_problem:
            self.statusBar().showMessage(f"Today's backup could not be made ({document.backup_problem}); your work is still saved.")
        self._restore_layout()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        new = file_menu.addAction("&New scenario…", self.show_start_page)
        new.setShortcut(QKeySequence.StandardKey.New)
        new.setToolTip("Start a new scenario, or resume a saved one")
        file_menu.addAction("&Scenarios…", lambda: _file_actions().manage_scenarios(self)).setShortcut(QKeySequence("Ctrl+Shift+O"))
        file_menu.addSeparator()
        export_scenario = file_menu.addAction("&Export scenario…", lambda: _file_actions().export_scenario(self))
        export_scenario.setShortcut(QKeySequence("Ctrl+E"))
        file_menu.addAction("&Import scenario…", lambda: _file_actions().import_scenario(self))
        file_menu.addAction("&Restore from backup…", lambda: _file_actions().restore_backup(self))
        file_menu.addSeparator()
        export_submission = file_menu.addAction("Export &submission for your teacher…", lambda: _classroom_actions().export_submission(self))
        export_submission.setShortcut(QKeySequence("Ctrl+Shift+E"))
        export_report = file_menu.addAction("Export re&port (PDF)…", lambda: _classroom_actions().export_report(self))
        export_report.setShortcut(QKeySequence("Ctrl+P"))
        self.export_actions = (export_scenario, export_submission, export_report)  # each needs an open scenario
        self._update_exports()
        file_menu.addSeparator()
        file_menu.addAction("Open &class submissions…", lambda: _classroom_actions().open_class(self, folder=False))
        file_menu.addAction("Open class &folder…", lambda: _classroom_actions().open_class(self, folder=True))
        file_menu.addSeparator()
        new_pack = file_menu.addAction("New &pack…", lambda: _pack_actions().new_pack(self))
        new_pack.setToolTip("Write a scenario pack of your own, from a small template")
        edit_pack = file_menu.addAction("Edit pac&k…", lambda: _pack_actions().edit_pack(self))
        edit_pack.setToolTip("Change a scenario pack, checked as you type")
        file_menu.addSeparator()
        # Ctrl+Q everywhere: the platform's standard Quit key is empty on Windows and some Linux desktops.
        file_menu.addAction("&Quit", self.close).setShortcut(QKeySequence("Ctrl+Q"))

        edit_menu = self.menuBar().addMenu("&Edit")
        undo = self.editor.undo_stack.createUndoAction(self, "&Undo")
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        undo.setProperty("shortcutName", "Undo")
        redo = self.editor.undo_stack.createRedoAction(self, "&Redo")
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        redo.setProperty("shortcutName", "Redo")
        edit_menu.addAction(undo)
        edit_menu.addAction(redo)

        go_menu = self.menuBar().addMenu("&Go")
        for move in Move:
            go_menu.addAction(self.step_actions.actions[move])
        go_menu.addSeparator()
        self.ask_lock_action = go_menu.addAction("&Ask before forecasts lock")
        self.ask_lock_action.setCheckable(True)
        self.ask_lock_action.setToolTip("Before a step passes the date open questions resolve, offer to forecast them first")
        self.ask_lock_action.toggled.connect(self._ask_lock_toggled)

        view_menu = self.menuBar().addMenu("&View")
        tabs = self.workspace.tabs
        for n in range(tabs.count()):
            action = view_menu.addAction(without_mnemonic(tabs.tabText(n)).replace("&", "&&"), lambda n=n: self.workspace.show_tab(n))
            action.setShortcut(QKeySequence(f"Ctrl+{n + 1}"))
        view_menu.addSeparator()
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
        help_menu.addAction("&Keyboard shortcuts", lambda: _shortcuts_dialog().show_shortcuts(self)).setShortcut(QKeySequence("F1"))
        help_menu.addAction("&About Divestiture Lab", self.show_about)

    @property
    def start_page(self) -> StartPage:
        """Built when first needed: a start that goes straight into a scenario (the last one, or
        `--pack`) paints its window without it."""
        if self._start_page is None:
            page = self._start_page = StartPage(self.scenario_list)
            page.chosen.connect(self._start_scenario)
            page.resumed.connect(self._resume)
            page.failed.connect(self.show_pack_error)
            self.pages.insertWidget(0, page)
        return self._start_page

    def show_start_page(self) -> None:
        """Scans the pack folder afresh each time, so a pack a teacher just copied in appears."""
        self.start_page.set_packs(discover_packs(*self.document.packs_dirs))
        self.pages.setCurrentWidget(self.start_page)
        self.setWindowTitle(APP_TITLE)
        self.mode_status.clear()

    def show_store_failure(self, reason: str) -> None:
        message_box(QMessageBox.Icon.Warning, "Your saved scenarios cannot be used right now", f"{reason[:1].upper()}{reason[1:]}.",
                    "Until then nothing new is saved: what you do stays in this window, and File > Export scenario "
                    "keeps it in a file you choose.", self).exec()

    def show_pack_error(self, error: PackError) -> None:
        detail = "\n".join(str(p) for p in error.problems[:8])
        message_box(QMessageBox.Icon.Warning, "Cannot open this pack", f"The pack {error.file} cannot be used.", detail, self).exec()

    def set_theme(self, theme: str) -> None:
        self.themes.apply(theme)
        self.settings.set("view/theme", theme)

    def open_pack_editor(self, file: Path | None) -> None:
        """The pack editor on `file` (a new pack if None), kept alive with this window."""
        if self.pack_editor_factory is None:
            self.statusBar().showMessage("Packs cannot be edited from a preview.", 8000)
            return
        try:
            editor = self.pack_editor_factory(file)
        except FileError as exc:
            message_box(QMessageBox.Icon.Warning, "Cannot open this pack", f"{exc.file} cannot be opened.",
                        "\n".join(str(p) for p in exc.problems), self).exec()
            return
        self.pack_editors.append(editor)
        editor.document.saved.connect(self._pack_saved)
        editor.destroyed.connect(lambda *_: self.pack_editors.remove(editor) if editor in self.pack_editors else None)
        editor.show()
        keep_on_screen(editor)

    def _pack_saved(self, _file: Path) -> None:
        """A pack saved in an editor appears on the start page at once, if that is where the student is."""
        if self._start_page is not None and self.pages.currentWidget() is self._start_page:
            self.show_start_page()

    def show_about(self) -> None:
        from gui.app.about_dialog import AboutDialog  # rarely opened: kept off the start-up path

        AboutDialog(self.data_dir, self).exec()

    def _start_scenario(self, loaded: LoadedPack) -> None:
        try:
            loaded = self.document.keep_pack(loaded)
        except PackError as exc:
            self.show_pack_error(exc)
            return
        dialog = NewScenarioDialog(loaded.pack, self.document.free_name(loaded.pack.title), self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            name, mode, role = dialog.values()
            name = self.document.free_name(name)
            self.document.start_scenario(loaded, name, mode, role)

    def _resume(self, scenario_id: int) -> None:
        try:
            self.document.open_scenario(scenario_id)
        except PackError as exc:
            self.show_pack_error(exc)

    def _reveal_toggled(self, reveal: bool) -> None:
        self.document.set_later_events_wanted(reveal)
        self.settings.set("view/revealLater", reveal)

    def _pack_opened(self, _loaded: LoadedPack) -> None:
        self.pages.setCurrentWidget(self.workspace)
        self._update_mode()

    def confirm_reveal(self) -> None:
        day = short_date(self.document.date) if self.document.date else ""
        box = message_box(QMessageBox.Icon.Question, "Reveal what happened?",
                          "This jumps to the end and shows every later event and every forecast answer.",
                          f"Your submission will record that you revealed the answers on {day}. "
                          "You can still step back, but forecasts past their resolution stay locked.", self)
        reveal = box.addButton("Reveal what happened", QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is reveal:
            self.document.reveal()

    def _remember_lock_question(self, mode: str, ask: bool) -> None:
        self.settings.set(f"go/askBeforeLocking/{mode}", ask)
        self._update_mode()

    def _ask_lock_toggled(self, ask: bool) -> None:
        record = self.document.record
        if record is not None:
            self.document.ask_before_locking[record.mode] = ask
            self.settings.set(f"go/askBeforeLocking/{record.mode}", ask)

    def _update_exports(self, *_: object) -> None:
        for action in self.export_actions:
            action.setEnabled(self.document.record is not None)

    def _update_mode(self, *_: object) -> None:
        record = self.document.record
        self._update_exports()
        if record is None:
            return
        self.ask_lock_action.blockSignals(True)
        self.ask_lock_action.setChecked(self.document.ask_before_locking[record.mode])
        self.ask_lock_action.setText(f"&Ask before forecasts lock ({record.mode.capitalize()} mode)")
        self.ask_lock_action.blockSignals(False)
        if record.mode == "explore":
            text = "Explore mode"
        elif record.revealed_at is None:
            text = "Classroom mode: only what was known on each date"
        else:
            text = f"Classroom mode: answers revealed on {short_date(record.revealed_at)}"
        self.mode_status.setText(text)
        self.reveal_action.setEnabled(self.document.spoilers_allowed)
        self.reveal_action.setToolTip("List events after the current date too, greyed out (spoilers)" if self.document.spoilers_allowed
                                      else "Classroom mode hides later events until you reveal what happened (End)")

    def _update_title(self, *_: object) -> None:
        record, day = self.document.record, self.document.date
        if record is not None and day is not None:
            self.setWindowTitle(f"{record.name}: {short_date(day)} — {APP_TITLE}")

    def _restore_layout(self) -> None:
        geometry = self.settings.get("window/geometry")
        self.first_start = geometry.isEmpty() or not self.restoreGeometry(geometry)
        if self.first_start:
            size_first_window(self)
        self.restoreState(self.settings.get("window/state"))
        remember_folder(self.settings.get("files/lastFolder"))
        for splitter in self.workspace.splitters():
            state = self.settings.get(f"splitters/{splitter.objectName()}")
            if not state.isEmpty():
                splitter.restoreState(state)

    def save_layout(self) -> None:
        self.settings.set("window/geometry", self.saveGeometry())
        self.settings.set("window/state", self.saveState())
        self.settings.set("files/lastFolder", str(start_folder()))
        for splitter in self.workspace.splitters():
            self.settings.set(f"splitters/{splitter.objectName()}", QByteArray(splitter.saveState()))
        self.settings.sync()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:  # the window is on screen: use the idle time for what the tabs and charts need
            self._painted = True
            QTimer.singleShot(0, preload_charts)
            if self.document.loaded is not None:
                self.workspace.prepare_in_idle(self.idle_work)
            else:  # the start page: the tabs are made once a pack opens, not polled for meanwhile
                self.document.packOpened.connect(lambda _loaded: self.workspace.prepare_in_idle(self.idle_work),
                                                 Qt.ConnectionType.SingleShotConnection)

    def closeEvent(self, event: QCloseEvent) -> None:
        """Nothing typed is lost: every editor commits its text, the store gets one more try,
        and only what still could not be saved is put to the user, before the store closes."""
        if not all(editor.close() for editor in list(self.pack_editors)):  # an author chose to stay
            event.ignore()
            return
        commit_typed_text(self)
        unsaved = self.document.save_pending()
        if unsaved and not self._let_go_of_unsaved(unsaved):
            event.ignore()
            return
        for class_window in self.class_windows:  # each stops its loading thread before the app quits
            class_window.close()
        self.save_layout()
        self.idle_work.stop()
        self.document.shutdown()
        super().closeEvent(event)

    def _let_go_of_unsaved(self, count: int) -> bool:
        """Export, discard or stay: True when the window may close."""
        box = message_box(QMessageBox.Icon.Warning, "Your last changes are not saved",
                          f"{count} change(s) could not be saved: {self.document.unsaved_reason()}.",
                          "Export the scenario to a file you choose to keep them, or quit without them.", self)
        export = box.addButton("Export scenario…", QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton("Quit without saving them", QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(export)
        box.exec()
        if box.clickedButton() is export:
            return bool(_file_actions().export_scenario(self))
        return box.clickedButton() is discard

