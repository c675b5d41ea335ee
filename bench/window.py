"""The main window as the benchmarks measure it: shown, and past its start."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtWidgets import QApplication


def settled_window(loaded, data_dir: str):
    """Shown, and past the start: for a second or so after the first paint the drawing code
    imports on a worker and the other tabs are built in idle time, and steps then share the
    interpreter with that (bench_idle times those seconds). Measured after, with every tab built."""
    from gui.app.application import build_window

    window = build_window(Path(data_dir), "light", loaded)
    window.resize(1280, 800)
    window.show()
    QApplication.processEvents()  # the first paint starts the import and the idle work
    quiet_since = time.perf_counter()
    while time.perf_counter() - quiet_since < 0.3:  # the last job's draws come a turn or two later
        if window.idle_work.pending():
            quiet_since = time.perf_counter()
        QApplication.processEvents()
        time.sleep(0.005)
    return window
