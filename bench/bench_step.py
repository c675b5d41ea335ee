"""One step through the GUI: session step, every view's update, and a synchronous repaint."""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from gui.session import Move


def run(pack: str = "tiktok-2020") -> dict[str, float]:
    from gui.app import build_window
    from scenario.pack import find_pack
    from scenario.resources import PACKS_DIR

    with tempfile.TemporaryDirectory() as data_dir:
        window = build_window(Path(data_dir), "light", find_pack(pack, PACKS_DIR))
        window.resize(1280, 800)
        window.show()
        session = window.session
        times = []
        for _ in range(3):  # forward by event, back by day: the two common ways of moving
            session.step(Move.FIRST)
            for move in [Move.NEXT_EVENT] * 200 + [Move.PREVIOUS_DAY] * 60:
                start = time.perf_counter()
                session.step(move)
                window.repaint()
                times.append((time.perf_counter() - start) * 1000)
        window.close()
    times.sort()
    return {
        "step_ms_p50": round(statistics.median(times), 3),
        "step_ms_p95": round(times[int(len(times) * 0.95)], 3),
    }
