"""Class view timing against DESIGN.md: 500 submissions read, decoded and aggregated in under 2 s.

The submissions are made for the largest installed pack, each setting every assumption (with
a range and a note), weighing every argument, forecasting every question, answering every
prompt and carrying a snapshot per week, so the files are as big as a thorough student's.
Timed from the files on disk to the finished aggregate, as the teacher's window does it.
Run from the repository root: `.venv/bin/python -m bench.bench_classroom` (or as a file path).
"""

from __future__ import annotations

import datetime as dt
import statistics
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
RUNS = 5
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


def run() -> dict[str, float]:
    loaded = max((e.loaded for e in discover_packs(PACKS_DIR) if e.loaded), key=lambda lp: len(lp.pack.arguments) + len(lp.pack.questions))
    with tempfile.TemporaryDirectory() as folder:
        for n in range(STUDENTS):
            Path(folder, f"student-{n:03d}.json").write_bytes(encode_submission(_record(loaded, n), loaded, f"Student {n}", WHEN))
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            load = load_class([folder], [PACKS_DIR])
            times.append((time.perf_counter() - start) * 1000)
            assert load is not None and load.aggregate is not None and len(load.aggregate.rows) == STUDENTS
    return {"aggregate_500_ms": round(statistics.median(times), 1)}


if __name__ == "__main__":
    print(run())
