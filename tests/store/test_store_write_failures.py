"""Read-only and full disks: the write fails loudly, is rolled back, and nothing earlier is lost.

Tests run as root, where chmod does not stop writes, so a read-only disk is simulated with
`PRAGMA query_only` on the store's connection (SQLite then fails writes with the same
"readonly" error a read-only file gives), and a full disk with `PRAGMA max_page_count`
(SQLite then fails with SQLITE_FULL, as on a full disk). Both reach into `store._conn`. When not run as root, one more test uses real permissions.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from functools import partial
from pathlib import Path

import pytest

from scenario.record import AssumptionValue, ScenarioRecord
from store.connection import open_store, open_store_read_only
from store.errors import StoreWriteError
from store.paths import database_path
from store.pending import PendingWrites
from store.scenarios import Store

DAY = dt.date(2030, 1, 21)


def test_read_only_disk(store: Store, full_record: Callable[..., ScenarioRecord]) -> None:
    scenario_id = store.create(full_record())
    store._conn.execute("PRAGMA query_only = ON")
    with pytest.raises(StoreWriteError, match="read-only: the last change was not saved"):
        store.save_assumption(scenario_id, "p-deal", AssumptionValue(value=0.9), DAY)
    assert not store._conn.in_transaction
    assert store.load(scenario_id) == full_record()


def _fill_disk(store: Store) -> None:
    pages = store._conn.execute("PRAGMA page_count").fetchone()[0]
    store._conn.execute(f"PRAGMA max_page_count = {pages}")


def test_full_disk_rolls_back_the_whole_edit(store: Store, full_record: Callable[..., ScenarioRecord]) -> None:
    scenario_id = store.create(full_record())
    _fill_disk(store)
    with pytest.raises(StoreWriteError, match="the disk is full"):
        for n in range(10_000):
            before = store.load(scenario_id)
            store.save_assumption(scenario_id, "p-deal", AssumptionValue(value=0.5, note=f"{n:04d}" * 1000), dt.date(2030, 1, 1) + dt.timedelta(days=n % 80))
    assert not store._conn.in_transaction
    assert store.load(scenario_id) == before  # neither the value row nor the snapshot row of the failed edit
    assert store._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_pending_writes_are_kept_in_order_and_land_when_the_disk_recovers(store: Store) -> None:
    scenario_id = store.create(ScenarioRecord(name="a", pack_id="mini"))
    pending = PendingWrites()
    store._conn.execute("PRAGMA query_only = ON")
    for value in (0.1, 0.2, 0.3):
        assert not pending.submit(partial(store.save_assumption, scenario_id, "p-deal", AssumptionValue(value=value), DAY))
    assert len(pending) == 3 and isinstance(pending.last_error, StoreWriteError)
    assert not pending.retry()
    store._conn.execute("PRAGMA query_only = OFF")
    assert pending.retry()
    assert len(pending) == 0 and pending.last_error is None
    assert store.load(scenario_id).assumptions["p-deal"].value == 0.3


def test_pending_writes_stop_at_the_first_failure() -> None:
    done: list[int] = []
    failing = {2}

    def write(n: int) -> None:
        if n in failing:
            raise StoreWriteError("full")
        done.append(n)

    pending = PendingWrites()
    for n in range(1, 5):
        pending.submit(partial(write, n))
    assert done == [1] and len(pending) == 3  # 3 and 4 wait behind 2, never overtake it
    failing.clear()
    assert pending.retry() and done == [1, 2, 3, 4]


def test_other_errors_are_not_swallowed() -> None:
    pending = PendingWrites()
    with pytest.raises(ZeroDivisionError):
        pending.submit(lambda: 1 / 0)


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root ignores file permissions")
def test_a_read_only_data_folder_is_refused_at_open(data_dir: Path) -> None:
    """The real thing, where permissions apply (not as root): a clear StoreWriteError, data untouched."""
    with open_store(data_dir) as store:
        store.create(ScenarioRecord(name="kept", pack_id="mini"))
    before = database_path(data_dir).read_bytes()
    for path in data_dir.iterdir():
        path.chmod(0o444 if path.is_file() else 0o555)
    data_dir.chmod(0o555)
    try:
        with pytest.raises(StoreWriteError, match="cannot use the data folder"):
            open_store(data_dir)
    finally:
        data_dir.chmod(0o755)
        for path in data_dir.iterdir():
            path.chmod(0o755 if path.is_dir() else 0o644)
    assert database_path(data_dir).read_bytes() == before


def _lock_file_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a read-only folder does to the lock file, simulated so it holds for root too."""
    from store.lock import DataDirLock

    def refuse(_lock: DataDirLock) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(DataDirLock, "acquire", refuse)


def test_a_folder_that_cannot_be_written_is_still_read(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Saved work is shown (and can be exported) even when nothing new can be saved there."""
    with open_store(data_dir) as store:
        kept = store.create(ScenarioRecord(name="kept", pack_id="mini"))
        store.save_assumption(kept, "users", AssumptionValue(value=150.0), None)
    before = database_path(data_dir).read_bytes()
    _lock_file_refused(monkeypatch)
    with pytest.raises(StoreWriteError) as refused:
        open_store(data_dir)
    with open_store_read_only(data_dir, str(refused.value)) as store:
        assert "cannot use the data folder" in store.read_only
        assert [s.name for s in store.list_scenarios()] == ["kept"]
        assert store.load(kept).assumptions["users"].value == 150.0
        with pytest.raises(StoreWriteError, match="read-only"):
            store.save_assumption(kept, "users", AssumptionValue(value=1.0), None)
    assert database_path(data_dir).read_bytes() == before


def test_a_folder_that_cannot_be_written_and_holds_nothing_says_so(data_dir: Path) -> None:
    with pytest.raises(StoreWriteError, match="holds no saved scenarios"):
        open_store_read_only(data_dir, "cannot use the data folder")


def test_reads_of_a_damaged_database_fail_as_store_errors(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Not a raw sqlite3.DatabaseError: the GUI handles StoreError, and says what to do."""
    import sqlite3

    from store.errors import StoreReadError

    scenario_id = store.create(ScenarioRecord(name="a", pack_id="mini"))

    real = store._conn

    class Damaged:
        def execute(self, *_args: object) -> None:
            raise sqlite3.DatabaseError("file is not a database")

        def close(self) -> None:
            real.close()

    monkeypatch.setattr(store, "_conn", Damaged())
    for read in (store.list_scenarios, lambda: store.load(scenario_id), lambda: store.find("a"), store.last_opened):
        with pytest.raises(StoreReadError, match="Restart Divestiture Lab"):
            read()
