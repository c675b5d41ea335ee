"""Writes each edit through the store at once; keeps and retries what the disk refused.

A save is a ~1 ms SQLite transaction, so it runs on the UI thread right after the edit: the
user's change is on disk before the next frame. When the disk is full or read-only the edit
stays queued in memory (in order) and is retried every few seconds until it lands.
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
        self.store = store
        self.unavailable = unavailable  # why there is no store: every edit stays in memory only
        self.pending = PendingWrites(StoreWriteError)
        self._timer = QTimer(self)
        self._timer.setInterval(RETRY_MS)
        self._timer.timeout.connect(self.retry)

    def write(self, action: Callable[[Store], object]) -> None:
        if self.store is None:
            self.statusChanged.emit(f"Not saved: {self.unavailable}. Export your scenario to keep it.")
            return
        store = self.store
        self.pending.submit(lambda: action(store))
        self._report()

    def detach(self, why: str) -> None:
        """No store from now on (it is being closed): later edits stay in memory, with `why`."""
        self.store = None
        self.unavailable = why
        self._timer.stop()

    def retry(self) -> None:
        self.pending.retry()
        self._report()

    def _report(self) -> None:
        if self.pending:
            self._timer.start()
            self.statusChanged.emit(
                f"Not saved yet: {self.pending.last_error}. {len(self.pending)} change(s) kept in memory; retrying every {RETRY_MS // 1000} s."
            )
        else:
            self._timer.stop()
            self.statusChanged.emit("All changes saved")
