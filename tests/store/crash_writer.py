"""Child process for the crash test: edits in a loop, printing each edit once it is committed.

Run as `python crash_writer.py DATA_DIR`. Each line "n" on stdout means: answer "k{n}" and
assumption value n were saved (acknowledged). The parent kills this process at random.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from scenario.record import AssumptionValue, ScenarioRecord
from store.connection import open_store

NAME = "crash"


def main(data_dir: Path) -> None:
    store = open_store(data_dir)
    scenario_id = store.find(NAME) or store.create(ScenarioRecord(name=NAME, pack_id="mini"))
    n = len(store.load(scenario_id).answers)
    print("ready", flush=True)
    while True:
        store.save_answer(scenario_id, f"k{n}", str(n))
        store.save_assumption(scenario_id, "p-deal", AssumptionValue(value=n, note="x" * (n % 500)), dt.date(2030, 1, 1) + dt.timedelta(days=n % 60))
        print(n, flush=True)
        n += 1


if __name__ == "__main__":
    main(Path(sys.argv[1]))
