"""`make bench`: every benchmark, as one JSON object on stdout and in bench/results.json.

Targets live here, not in unit tests, because timings on a shared 2-core machine are noisy.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
GOALS = {
    "startup_ratio": 1.5, "step_ms_p95": 16.0, "step_timeline_ms_p95": 16.0, "edit_to_chart_ms_p95": 16.0, "autosave_ms_p95": 5.0, "list_10k_scenarios_ms": 100.0,
    "monte_carlo_10k_ms": 50.0, "aggregate_500_ms": 2000.0, "bundle_startup_ratio": 1.5,
    "aggregate_2000_ms": 2000.0, "class_peak_mb": 400.0, "debrief_pdf_2000_s": 10.0, "big_pack_step_ms_p95": 16.0,
    "big_pack_step_ratio": 1.5, "tab_first_switch_ms": 100.0, "idle_stall_after_paint_ms": 100.0,
    "editor_revalidate_ms_p95": 50.0,
}


def main() -> int:
    sys.path.insert(0, str(HERE.parent))
    from PySide6.QtWidgets import QApplication

    QApplication.instance() or QApplication(sys.argv[:1])
    results: dict[str, float] = {}
    for info in sorted(pkgutil.iter_modules([str(HERE)]), key=lambda m: m.name):
        if info.name.startswith("bench_"):
            results.update(importlib.import_module(f"bench.{info.name}").run())
    results["goals_missed"] = sorted(k for k, goal in GOALS.items() if k in results and results[k] > goal)
    text = json.dumps(results, indent=2, sort_keys=True)
    (HERE / "results.json").write_text(text + "\n")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
