"""One step through the GUI: the document's step, every view's update, and the event loop's turn,
in which a chart's deferred redraw runs and Qt paints what changed, as it does on screen.

The window is not repainted in full after each step: on a real screen Qt paints only the regions
that changed, and forcing the rest would measure the size of the window, not the cost of the step.

Measured with the Arguments tab in front (lists, banner, countdown), on the shipped pack
and on one 40 times its size (`big_pack`), and with the timeline chart in front, whose cursor is blitted but which is redrawn in full when the step
makes something new known (the chart never shows what was not yet known).
"""

from __future__ import annotations

import statistics
import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

from bench.window import settled_window
from scenario.rules import Move


def _steps(window) -> list[float]:
    document, times = window.document, []
    for _ in range(3):  # forward by event to the end, then back by day: the two common ways of moving
        document.step(Move.FIRST)
        QApplication.processEvents()
        for move in (Move.NEXT_EVENT, Move.PREVIOUS_DAY):
            for _ in range(60 if move is Move.PREVIOUS_DAY else 10_000):
                if document.target(move) is None:
                    break
                start = time.perf_counter()
                document.step(move)
                QApplication.processEvents()
                times.append((time.perf_counter() - start) * 1000)
    return sorted(times)


def _summary(prefix: str, times: list[float]) -> dict[str, float]:
    return {f"{prefix}_p50": round(statistics.median(times), 3), f"{prefix}_p95": round(times[int(len(times) * 0.95)], 3)}


def run() -> dict[str, float]:
    from bench.big_pack import write_big_pack
    from scenario.pack import find_pack, load_pack
    from scenario.resources import PACKS_DIR

    with tempfile.TemporaryDirectory() as data_dir:
        window = settled_window(find_pack("tiktok-2020", PACKS_DIR), data_dir)
        results = _summary("step_ms", _steps(window))
        charts = window.workspace.charts
        window.workspace.tabs.setCurrentWidget(charts)
        while charts.panel.blitter is None:  # the canvas is made just after the tab first shows
            QApplication.processEvents()
        results |= _summary("step_timeline_ms", _steps(window))
        window.close()
    with tempfile.TemporaryDirectory() as data_dir:
        window = settled_window(load_pack(write_big_pack(Path(data_dir))), data_dir)
        results |= _summary("big_pack_step_ms", _steps(window))
        window.close()
    results["big_pack_step_ratio"] = round(results["big_pack_step_ms_p95"] / results["step_ms_p95"], 2)
    return results
