"""The first switch to each tab, as a student would make it a moment after the window appeared.

Timed from the click to the tab painted with its charts drawn; the figure is the slowest tab.
The window gets a second of idle time first, in which it may prepare what charts need.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from PySide6.QtWidgets import QApplication

IDLE_S = 1.0


def _idle(seconds: float) -> None:
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        QApplication.processEvents()
        time.sleep(0.01)  # a student looking at the window: the event loop is idle


def _charts_ready(tab) -> bool:
    from gui.charts.figure_panel import FigurePanel

    panels = [p for p in tab.findChildren(FigurePanel) if p.isVisible()]
    return all(p.canvas is not None and p.result is not None for p in panels)


def run(pack: str = "tiktok-2020") -> dict[str, float]:
    from gui.app.application import build_window
    from scenario.pack import find_pack
    from scenario.resources import PACKS_DIR

    slowest = 0.0
    with tempfile.TemporaryDirectory() as data_dir:
        window = build_window(Path(data_dir), "light", find_pack(pack, PACKS_DIR))
        window.resize(1280, 800)
        window.show()
        _idle(IDLE_S)
        tabs = window.workspace.tabs
        for n in [*range(1, tabs.count()), 0]:
            start = time.perf_counter()
            tabs.setCurrentIndex(n)
            QApplication.processEvents()
            while not _charts_ready(tabs.widget(n)) and time.perf_counter() - start < 10:
                QApplication.processEvents()
            window.repaint()
            slowest = max(slowest, (time.perf_counter() - start) * 1000)
        window.close()
    return {"tab_first_switch_ms": round(slowest, 1)}
