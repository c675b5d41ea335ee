"""matplotlib and the drawing code, imported on a worker thread once the window has painted.

numpy and matplotlib take most of a second to import. Imported on the UI thread, even in idle
time, that second is a stall: the first key a student presses after the window appears waits
for it. On a worker thread the window keeps answering (threads share the interpreter in
5 ms slices), and the first chart finds everything imported.

Two threads importing different parts of one package at once can each hold a module the other
needs, which Python reports as a deadlock error. So UI code about to draw calls `drawing_ready()`
first: it waits for the worker, if one is running, and costs nothing once it has finished.
"""

from __future__ import annotations

import threading
from collections.abc import Callable


class BackgroundImport:
    """One import job per process: started once, waited for by whoever needs what it imports."""

    def __init__(self) -> None:
        self._worker: threading.Thread | None = None

    def start(self, load: Callable[[], None]) -> None:
        """Run `load` (a function that only imports) on a worker thread, unless one was started."""
        if self._worker is None:
            self._worker = threading.Thread(target=load, name="import drawing code")
            self._worker.start()

    def done(self) -> bool:
        """True once the import has finished: waiting would cost nothing now."""
        return self._worker is not None and not self._worker.is_alive()

    def wait(self) -> None:
        if self._worker is not None and self._worker is not threading.current_thread():
            self._worker.join()


DRAWING = BackgroundImport()
import_in_background = DRAWING.start
drawing_ready = DRAWING.wait
drawing_imported = DRAWING.done
