"""Writes each edit through the store at once; keeps and retries what the disk refused.

A save is a ~1 ms SQLite transaction, so it runs on the UI thread right after the edit: the
user's change is on disk before the next frame. When the disk is full or read-only the edit
stays queued in memory (in order) and is retried every few seconds until it lands. With no
store to write to at all (the folder cannot be written, or the app is closing) edits are kept
in memory too, and counted: the window asks about them before it quits.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from store.errors import StoreWriteError
from store.pending import PendingWrites
from store.scenarios import Store

RETRY_MS = 3000


class Autosave(QObject):
    statusChanged = Signal(str)

    def __init__(self, store: Store | None, unavailable: str = "", parent: QObject | None = None) -> None:
        super().__init__(parent)
        if store is not None and store.read_only:  # readable, never writable: as good as no store for saving
            store, unavailable = None, f"{store.read_only}; your saved scenarios are shown, read-only"
        self.store = store
        self.unavailable = unavailable  # why there is no store: every edit stays in memory only
        self.pending = PendingWrites(StoreWriteError)
        self._timer = QTimer(self)
        self._timer.setInterval(RETRY_MS)
        self._timer.timeout.connect(self.retry)

    def write(self, action: Callable[[Store], object]) -> None:
        store = self.store
        if store is None:
            self.pending.submit(self._refuse)
        else:
            self.pending.submit(lambda: action(store))
        self._report()

    def _refuse(self) -> None:
        raise StoreWriteError(self.unavailable)

    def detach(self, why: str) -> None:
        """No store from now on (it is being closed): later edits stay in memory, with `why`."""
        self.store = None
        self.unavailable = why
        self._timer.stop()

    def retry(self) -> None:
        if self.store is not None:
            self.pending.retry()
        self._report()

    def status(self) -> str:
        """What the status bar says about saving."""
        if self.store is None:
            kept = f" {len(self.pending)} change(s) kept in memory." if self.pending else ""
            return f"Not saved: {self.unavailable}.{kept} Export your scenario to keep it."
        if self.pending:
            return (f"Not saved yet: {self.pending.last_error}. {len(self.pending)} change(s) kept in memory; "
                    f"retrying every {RETRY_MS // 1000} s.")
        return "All changes saved"

    def _report(self) -> None:
        if self.pending and self.store is not None:
            self._timer.start()
        else:
            self._timer.stop()
        self.statusChanged.emit(self.status())
