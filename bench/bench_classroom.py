"""Class view against DESIGN.md: 2,000 submissions read, decoded and aggregated in under 2 s and
400 MB, and their debrief slides written in under 10 s (issue 14's scale); 500 kept for comparison.

The submissions are made for the largest installed pack, each setting every assumption (with
a range and a note), weighing every argument, forecasting every question, answering every
prompt and carrying a snapshot per week, so the files are as big as a thorough student's.
Timed from the files on disk to the finished aggregate, as the teacher's window does it.
Run from the repository root: `.venv/bin/python -m bench.bench_classroom` (or as a file path).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):  # run as a file: make the project importable
    sys.path.insert(0, str(ROOT))

from scenario.class_loader import load_class  # noqa: E402
from scenario.pack import LoadedPack, discover_packs  # noqa: E402
from scenario.record import ArgumentWeight, AssumptionValue, Forecast, ScenarioRecord, Snapshot  # noqa: E402
from scenario.resources import PACKS_DIR  # noqa: E402
from scenario.submission import encode_submission  # noqa: E402

STUDENTS = 500
CLASS = 2000
RUNS = 5
# Peak memory of a fresh process that loads the class, as `class-report` and the class window do.
PEAK_PROBE = """
import resource, sys
sys.path.insert(0, sys.argv[2])
from scenario.class_loader import load_class
from scenario.resources import PACKS_DIR
load = load_class([sys.argv[1]], [PACKS_DIR])
assert load is not None and load.aggregate is not None
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)  # KiB on Linux
"""
WHEN = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)


def _record(loaded: LoadedPack, n: int) -> ScenarioRecord:
    pack = loaded.pack
    share = (n % 10) / 10

    def value(a) -> float:
        return a.min + (a.max - a.min) * share

    weeks = [pack.start + dt.timedelta(days=7 * k) for k in range(min(20, (pack.end - pack.start).days // 7 + 1))]
    return ScenarioRecord(
        name=f"Run {n}", pack_id=pack.id, mode="classroom", role=pack.roles[n % len(pack.roles)].id if pack.roles else None,
        assumptions={a.id: AssumptionValue(value=value(a), low=a.min, high=a.max, note="because " * 20) for a in pack.assumptions},
        weights={a.id: ArgumentWeight(weight=(n + k) % 6, note="weighed") for k, a in enumerate(pack.arguments)},
        forecasts={q.id: Forecast(probability=share, reason="reasons " * 10, made_on=q.opens) for q in pack.questions},
        answers={p.id: "An answer of a few sentences. " * 5 for p in pack.prompts},
        snapshots=[Snapshot(date=day, values={a.id: value(a) for a in pack.assumptions}) for day in weeks],
    )


def _timed_load(folder: str, students: int, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        load = load_class([folder], [PACKS_DIR])
        times.append((time.perf_counter() - start) * 1000)
        assert load is not None and load.aggregate is not None and len(load.aggregate.rows) == students
    return round(statistics.median(times), 1)


def run() -> dict[str, float]:
    loaded = max((e.loaded for e in discover_packs(PACKS_DIR) if e.loaded), key=lambda lp: len(lp.pack.arguments) + len(lp.pack.questions))
    with tempfile.TemporaryDirectory() as small, tempfile.TemporaryDirectory() as whole:
        for n in range(CLASS):
            path = Path(whole, f"student-{n:04d}.json")
            path.write_bytes(encode_submission(_record(loaded, n), loaded, f"Student {n}", WHEN))
            if n < STUDENTS:
                shutil.copy(path, small)
        results = {"aggregate_500_ms": _timed_load(small, STUDENTS, RUNS), "aggregate_2000_ms": _timed_load(whole, CLASS, 3)}
        probe = subprocess.run([sys.executable, "-c", PEAK_PROBE, whole, str(ROOT)], capture_output=True, text=True, check=True)
        results["class_peak_mb"] = round(int(probe.stdout.strip()) / 1024, 1)
        env = {key: value for key, value in os.environ.items() if key not in ("DISPLAY", "QT_QPA_PLATFORM")}
        start = time.perf_counter()
        subprocess.run([sys.executable, str(ROOT / "main.py"), "debrief", whole, "--out", str(Path(small, "slides.pdf"))],
                       capture_output=True, check=True, env=env)
        results["debrief_pdf_2000_s"] = round(time.perf_counter() - start, 2)
    return results


if __name__ == "__main__":
    print(run())
