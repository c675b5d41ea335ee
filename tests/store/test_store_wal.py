"""The write-ahead log stays small: checkpointed regularly, and at once after a failed write.

A WAL that only grows fills a small disk with the app's own log (saves then never recover),
and holds everything since start if the -wal file is lost while the app runs.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from scenario.record import ScenarioRecord
from store.errors import StoreWriteError
from store.paths import database_path
from store.scenarios import Store


def _wal_bytes(data_dir: Path) -> int:
    return os.path.getsize(f"{database_path(data_dir)}-wal")


def test_many_edits_leave_a_small_wal(store: Store, data_dir: Path) -> None:
    scenario_id = store.create(ScenarioRecord(name="busy", pack_id="mini"))
    for n in range(600):
        store.save_answer(scenario_id, f"p-{n % 50}", f"{n:05d}" * 2000)
    assert _wal_bytes(data_dir) <= 2 * 2**20  # without checkpoints that truncate, 600 edits leave about 4 MB
    assert store.load(scenario_id).answers["p-49"] == "00599" * 2000


def test_a_failed_write_checkpoints_so_the_next_one_has_room(store: Store, data_dir: Path) -> None:
    scenario_id = store.create(ScenarioRecord(name="full", pack_id="mini"))
    for n in range(20):
        store.save_answer(scenario_id, f"p-{n}", "kept" * 1000)
    saved = store.load(scenario_id)
    assert _wal_bytes(data_dir) > 0
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")  # SQLITE_FULL, as on a full disk
    with pytest.raises(StoreWriteError, match="the disk is full"):
        for n in range(1000):
            store.save_answer(scenario_id, f"q-{n}", "x" * 50_000)
    assert _wal_bytes(data_dir) == 0  # everything committed is in the database file; the log gave its space back
    assert store.load(scenario_id) == saved
    store._conn.execute(f"PRAGMA max_page_count = {pages * 10}")  # space again
    store.save_answer(scenario_id, "q-0", "after")
    assert store.load(scenario_id).answers["q-0"] == "after"
