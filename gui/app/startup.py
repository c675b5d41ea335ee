"""Opening the store at start-up, and telling the user plainly when it cannot be opened.

Each failure ends in a decision the user can make: a second copy is running (close it), the
database is damaged (it was moved aside; restore the newest backup or start empty), it is
from a newer version (left untouched), or the folder cannot be written (work unsaved).
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from gui.widgets.plain import message_box
from scenario.labels import short_date
from store.connection import open_store, open_store_read_only, recover
from store.errors import CorruptDatabaseError, MigrationError, NewerDatabaseError, StoreError, StoreLockedError, StoreWriteError
from store.scenarios import Store


class StartupRefused(Exception):
    """The app must not run on this data directory; the message says why."""


def open_store_for_gui(data_dir: Path, interactive: bool) -> tuple[Store | None, str]:
    """The store, or (None, why) when the app should run unsaved; raises StartupRefused to stop.

    Non-interactive runs (`--screenshot`) never wait for a click: they print and decide.
    """
    try:
        return open_store(data_dir), ""
    except StoreLockedError as exc:
        raise StartupRefused(f"Divestiture Lab is already running with this data folder ({exc.data_dir}). Switch to that window, or close it first.") from None
    except (NewerDatabaseError, MigrationError) as exc:
        raise StartupRefused(f"{exc}. Use the newer version of Divestiture Lab, or start this one with --data-dir pointing elsewhere.") from None
    except CorruptDatabaseError as exc:
        return _recover(data_dir, exc, interactive)
    except StoreWriteError as exc:
        try:
            return open_store_read_only(data_dir, str(exc)), ""
        except StoreError as again:
            return None, f"cannot save in {data_dir} ({again})"


def _recover(data_dir: Path, exc: CorruptDatabaseError, interactive: bool) -> tuple[Store | None, str]:
    newest = exc.backups[0] if exc.backups else None
    text = f"Your saved scenarios could not be read: the database was damaged ({exc.reason}).\nIt was moved, not deleted, to:\n{exc.moved_to}"
    if newest is None:
        choice_restore = False
        detail = "There is no backup to restore. Divestiture Lab will start with an empty database."
    else:
        detail = f"Restore the newest backup, made {short_date(newest.made.date())} at {newest.made:%H:%M} UTC?"
        choice_restore = True
    if interactive:
        box = message_box(QMessageBox.Icon.Warning, "Saved scenarios were damaged", text, detail)
        if newest is not None:
            restore = box.addButton("Restore backup", QMessageBox.ButtonRole.AcceptRole)
            box.addButton("Start empty", QMessageBox.ButtonRole.RejectRole)
            box.exec()
            choice_restore = box.clickedButton() is restore
        else:
            box.exec()
    else:
        print(f"divestiture-lab: {text.replace(chr(10), ' ')}", file=sys.stderr)
    try:
        return recover(data_dir, newest.path if choice_restore and newest else None), ""
    except StoreError as again:
        return None, str(again)


def refuse(message: str, interactive: bool) -> int:
    """Say why the app cannot start; exit status 1."""
    print(f"divestiture-lab: {message}", file=sys.stderr)
    if interactive:
        message_box(QMessageBox.Icon.Critical, "Divestiture Lab cannot start", message).exec()
    return 1
