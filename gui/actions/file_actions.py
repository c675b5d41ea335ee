"""File menu commands that talk to the disk: export, import, restore from backup.

Kept apart from the main window so each is a short function with its own error messages,
and the window stays about layout and menus.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from gui.start.scenarios_dialog import ScenariosDialog
from gui.actions.save_file import save_file
from gui.widgets.folders import remember, start_folder
from gui.widgets.plain import choose, file_stem, warn
from scenario.exchange import ExchangeError, encode_scenario_file
from scenario.labels import short_date
from scenario.pack_index import packs_by_id
from store.backups import list_backups, utc_now
from store.backups import restore_backup as restore
from store.connection import open_store
from store.errors import StoreError
from store.files import write_atomic
from store.transfer import import_scenario as import_into_store

if TYPE_CHECKING:
    from gui.actions.host import CommandHost


def manage_scenarios(window: CommandHost) -> None:
    document = window.document
    if document.store is None:
        warn(window, "No saved scenarios", f"Scenarios cannot be saved here: {document.autosave.unavailable}.")
        return
    ScenariosDialog(window.editor, window.scenario_list, window).exec()


def export_scenario(window: CommandHost) -> bool:
    """Exports what is on screen (the in-memory record), so it works even when the disk refused
    saves. True when the file was written."""
    record = window.document.record
    if record is None:
        warn(window, "Nothing to export", "Open a scenario first.")
        return False
    return save_file(window, "Export scenario", Path.home() / f"{file_stem(record.name)}.json", "Scenario files (*.json)",
              lambda path: write_atomic(path, encode_scenario_file(record, utc_now())), lambda path: f"Exported “{record.name}” to {path}", 5000)


def import_scenario(window: CommandHost) -> None:
    document = window.document
    if document.store is None:
        warn(window, "Cannot import", f"Scenarios cannot be saved here: {document.autosave.unavailable}.")
        return
    name, _ = QFileDialog.getOpenFileName(window, "Import scenario", str(start_folder()), "Scenario files (*.json)")
    remember(name)
    if not name:
        return
    try:
        scenario_id = import_into_store(document.store, Path(name), packs_by_id(document.packs_dirs))
    except ExchangeError as exc:
        warn(window, "Cannot import this file", f"{exc.file} cannot be imported.", f"{exc.path}: {exc.message}" if exc.path else exc.message)
        return
    except StoreError as exc:
        warn(window, "Import failed", str(exc))
        return
    document.scenariosChanged.emit()
    document.open_scenario(scenario_id)


def restore_backup(window: CommandHost) -> None:
    document = window.document
    data_dir = window.data_dir
    backups = list_backups(data_dir)
    if not backups:
        warn(window, "No backups", f"There are no backups in {data_dir} yet. One is made each day the app is used.")
        return
    backup = choose(window, "Restore from backup", "Replace all saved scenarios with the backup made:", backups,
                    lambda b: f"{short_date(b.made.date())} {b.made:%H:%M} UTC ({b.kind})")
    if backup is None:
        return
    document.shutdown()
    try:
        restore(data_dir, backup.path)
        window.editor.replace_store(open_store(data_dir))
    except StoreError as exc:
        window.editor.replace_store(None, str(exc))
        warn(window, "Restore failed", str(exc))
    window.show_start_page()
    window.statusBar().showMessage("Restored. The database it replaced was kept as a backup too.", 8000)
