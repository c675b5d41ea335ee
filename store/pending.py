"""Edits that could not be written yet (full or read-only disk), kept in order until they can.

Pure Python on purpose: the GUI wraps each save in a callable, submits it here, and calls
`retry()` on a timer; when the disk recovers the edits land in the order they were made,
so a newer value is never overwritten by an older one.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

from store.errors import StoreWriteError

Write = Callable[[], object]


class PendingWrites:
    def __init__(self, failure: type[Exception] = StoreWriteError) -> None:
        self._queue: deque[Write] = deque()
        self._failure = failure
        self.last_error: Exception | None = None

    def __len__(self) -> int:
        return len(self._queue)

    def submit(self, write: Write) -> bool:
        """Queue `write` behind any earlier failed ones and try to flush; True if everything is now saved."""
        self._queue.append(write)
        return self.retry()

    def retry(self) -> bool:
        """Run queued writes in order, stopping at the first that fails; True when none remain."""
        while self._queue:
            try:
                self._queue[0]()
            except self._failure as exc:
                self.last_error = exc
                return False
            self._queue.popleft()
        self.last_error = None
        return True
