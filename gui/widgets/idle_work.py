"""Work done in the pauses while the student reads, one small job at a time.

The first look at a tab used to pay for building its view and its chart (about 160 ms, a
visible lag after the click). Built, laid out and drawn in idle time after the window has
painted, the tab only has to paint when it is first shown. Each job is one turn of the event
loop, so a key pressed meanwhile waits for one job at most (`make bench`: idle_stall).
"""

from __future__ import annotations

import math
import time
from collections import deque
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

GAP_MS = 0  # the next turn of the loop: paints and input queued meanwhile go first
WAIT_MS = 50  # how often to look again while not ready
PAUSE_MS = 250  # no job while the student is stepping or typing: each would be a hitch in it


class Activity:
    """When the student last changed something (a step, an edit): idle work waits for a pause."""

    def __init__(self) -> None:
        self._last = -math.inf

    def touch(self, *_: object) -> None:
        self._last = time.monotonic()

    def quiet_ms(self) -> float:
        return (time.monotonic() - self._last) * 1000


ACTIVITY = Activity()  # one student, one app: the window's document touches it


class IdleWork(QObject):
    """A queue of jobs run on the UI thread once `ready()` says so and the student pauses; a job may add more."""

    def __init__(self, ready: Callable[[], bool], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ready = ready
        self._jobs: deque[Callable[[], None]] = deque()
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._run_one)

    def add(self, job: Callable[[], None]) -> None:
        self._jobs.append(job)
        self._wake()

    def add_next(self, job: Callable[[], None]) -> None:
        """Before the jobs already waiting: a job's own follow-ups, so one tab is done before the next."""
        self._jobs.appendleft(job)
        self._wake()

    def _wake(self) -> None:
        if not self._timer.isActive():
            self._timer.start(GAP_MS)

    def stop(self) -> None:
        """Drop what is left (the window closed): nothing waits or polls for it any more."""
        self._jobs.clear()
        self._timer.stop()

    def pending(self) -> int:
        return len(self._jobs)

    def _run_one(self) -> None:
        if not self._jobs:
            return
        if not self._ready():
            self._timer.start(WAIT_MS)
            return
        if (wait := PAUSE_MS - ACTIVITY.quiet_ms()) > 0:
            self._timer.start(math.ceil(wait))
            return
        self._jobs.popleft()()
        if self._jobs:
            self._timer.start(GAP_MS)
