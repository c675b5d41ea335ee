"""One assumption edit through the GUI, to the outcome chart on screen: the record, the save,
the outcome model with its Monte Carlo, the bars moved in place and repainted."""

from __future__ import annotations

import statistics
import tempfile
import time

from PySide6.QtWidgets import QApplication


def run(pack: str = "tiktok-2020") -> dict[str, float]:
    from bench.window import settled_window
    from scenario.pack import find_pack
    from scenario.resources import PACKS_DIR

    with tempfile.TemporaryDirectory() as data_dir:
        window = settled_window(find_pack(pack, PACKS_DIR), data_dir)
        window.workspace.tabs.setCurrentWidget(window.workspace.assumptions)
        panel = window.workspace.assumptions.outcomes.outcomes
        while panel.blitter is None:  # the chart is made just after the tab first shows
            QApplication.processEvents()
        row = next(iter(window.workspace.assumptions.rows.values()))
        row.ranged.setChecked(True)  # with an interval: the Monte Carlo runs on every edit
        QApplication.processEvents()
        times = []
        for n in range(100):
            start = time.perf_counter()
            row.value.setValue(row.value.minimum() + (n % 50) + 1)
            QApplication.processEvents()
            panel.canvas.repaint()
            times.append((time.perf_counter() - start) * 1000)
        window.close()
    times.sort()
    return {"edit_to_chart_ms_p50": round(statistics.median(times), 3), "edit_to_chart_ms_p95": round(times[int(len(times) * 0.95)], 3)}
