"""Store timings, against the budget in DESIGN.md: autosave p95 under 5 ms, 10,000 scenarios listed under 100 ms.

Run from the repository root: `.venv/bin/python -m bench.bench_store` (or as a file path).
The database lives in a temporary directory (set TMPDIR to measure another disk): fsync
cost, which dominates an autosave with synchronous=FULL, depends entirely on that disk.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
import statistics
import sys
import tempfile
import time
from contextlib import closing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):  # run as a file: make the project importable
    sys.path.insert(0, str(ROOT))

from scenario.record import AssumptionValue, ScenarioRecord  # noqa: E402
from store.connection import open_store  # noqa: E402
from store.paths import database_path  # noqa: E402
from store.rows import insert_record  # noqa: E402

SCENARIOS = 10_000
EDITS = 500
LIST_RUNS = 5


def _fill(data_dir: Path) -> None:
    """10,000 scenarios written in one transaction: setup, not the thing measured."""
    stamp = dt.datetime(2030, 1, 1, tzinfo=dt.timezone.utc)
    with closing(sqlite3.connect(database_path(data_dir))) as conn, conn:
        for n in range(SCENARIOS):
            record = ScenarioRecord(name=f"Scenario {n}", pack_id="mini", assumptions={"p-deal": AssumptionValue(value=0.5)})
            insert_record(conn, record, (stamp + dt.timedelta(seconds=n)).isoformat(timespec="microseconds"))


def _percentile(samples: list[float], q: int) -> float:
    return statistics.quantiles(samples, n=100)[q - 1]


def run() -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="bench-store-") as folder:
        data_dir = Path(folder)
        open_store(data_dir).close()  # create the schema
        _fill(data_dir)
        with open_store(data_dir) as store:
            listing = []
            for _ in range(LIST_RUNS):
                start = time.perf_counter()
                summaries = store.list_scenarios()
                listing.append((time.perf_counter() - start) * 1000)
            assert len(summaries) == SCENARIOS
            scenario_id = summaries[0].id
            saves = []
            for n in range(EDITS):
                value = AssumptionValue(value=(n % 100) / 100, low=0.0, high=1.0, note=f"edit {n}")
                day = dt.date(2030, 1, 1) + dt.timedelta(days=n % 60)
                start = time.perf_counter()
                store.save_assumption(scenario_id, "p-deal", value, day)
                saves.append((time.perf_counter() - start) * 1000)
    return {
        "autosave_ms_p50": round(statistics.median(saves), 3),
        "autosave_ms_p95": round(_percentile(saves, 95), 3),
        "list_10k_scenarios_ms": round(statistics.median(listing), 2),
    }


if __name__ == "__main__":
    results = run()
    for key, value in results.items():
        print(f"{key}: {value}")
