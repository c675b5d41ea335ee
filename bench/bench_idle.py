"""The longest the event loop stalls in the two seconds after the window first paints.

That is when the drawing code is imported for the first chart; a student pressing a key then
should not wait. A timer asks for a turn every 5 ms; the figure is the longest gap between turns.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer

WATCH_S = 2.0


def run(pack: str = "tiktok-2020") -> dict[str, float]:
    from gui.app.application import build_window
    from scenario.pack import find_pack
    from scenario.resources import PACKS_DIR

    with tempfile.TemporaryDirectory() as data_dir:
        window = build_window(Path(data_dir), "light", find_pack(pack, PACKS_DIR))
        window.resize(1280, 800)
        turns: list[float] = []
        loop = QEventLoop()
        tick = QTimer(interval=5)
        tick.timeout.connect(lambda: turns.append(time.perf_counter()))
        QTimer.singleShot(int(WATCH_S * 1000), loop.quit)
        window.show()
        tick.start()
        loop.exec()
        tick.stop()
        window.close()
    gaps = [b - a for a, b in zip(turns, turns[1:])]
    return {"idle_stall_after_paint_ms": round(max(gaps) * 1000, 1)}
