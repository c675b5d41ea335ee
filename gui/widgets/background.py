"""Work off the UI thread with progress and cancel, so the window keeps painting and answering keys.

The work is a plain function; it reports progress through a callback and polls `cancelled`.
Everything the task emits to its users (`progress`, `succeeded`, `failed`) is emitted on the
UI thread: the worker's own signals go to this QThread object, which lives on the UI thread,
and it re-emits them there. So a lambda connected to `succeeded` may touch widgets.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QThread, Signal

Work = Callable[[Callable[[int, int], None], Callable[[], bool]], Any]  # (progress, cancelled) -> result


class BackgroundTask(QThread):
    progress = Signal(int, int)  # done, total; at most once per percent
    succeeded = Signal(object)  # the work's result (None when cancelled); the thread has ended
    failed = Signal(str)  # the thread has ended

    _worker_progress = Signal(int, int)
    _worker_result = Signal(object)
    _worker_error = Signal(str)

    def __init__(self, work: Work, parent=None) -> None:
        super().__init__(parent)
        self._work = work
        self._cancel = threading.Event()
        self._last = -1
        self._worker_progress.connect(self.progress)
        self._worker_result.connect(self._deliver_result)
        self._worker_error.connect(self._deliver_error)

    def cancel(self) -> None:
        self._cancel.set()

    def run(self) -> None:
        try:
            result = self._work(self._report, self._cancel.is_set)
        except Exception as exc:  # noqa: BLE001 - shown to the user; the thread must not die silently
            self._worker_error.emit(str(exc) or type(exc).__name__)
            return
        self._worker_result.emit(None if self._cancel.is_set() else result)

    def _report(self, done: int, total: int) -> None:
        percent = done * 100 // max(total, 1)
        if percent != self._last:
            self._last = percent
            self._worker_progress.emit(done, total)

    def _deliver_result(self, result: object) -> None:
        self.wait()  # run() emitted its last signal and is returning
        self.succeeded.emit(result)

    def _deliver_error(self, message: str) -> None:
        self.wait()
        self.failed.emit(message)
