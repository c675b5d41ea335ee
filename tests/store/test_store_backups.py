"""Daily backups roll over after 7; a restore keeps the database it replaces."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest

from scenario.record import ScenarioRecord
from store import backups
from store.backups import DAILY_KEEP, daily_backup, list_backups, restore_backup
from store.connection import open_store
from store.errors import StoreError, StoreLockedError
from store.paths import database_path
from tests.conftest import backup_now


def _names(store_dir: Path) -> list[str]:
    conn = sqlite3.connect(database_path(store_dir))
    try:
        return [row[0] for row in conn.execute("SELECT name FROM scenario ORDER BY id")]
    finally:
        conn.close()


def test_open_takes_one_daily_backup_per_day(data_dir: Path) -> None:
    for _ in range(3):
        with open_store(data_dir):
            pass
    assert [b.kind for b in list_backups(data_dir)] == ["daily"]


def test_daily_rotation_keeps_the_newest_seven(data_dir: Path) -> None:
    with open_store(data_dir):
        pass
    conn = sqlite3.connect(database_path(data_dir))
    start = dt.datetime(2030, 1, 1, 12, tzinfo=dt.timezone.utc)
    for day in range(10):
        daily_backup(conn, data_dir, now=start + dt.timedelta(days=day))
    dailies = [b for b in list_backups(data_dir) if b.kind == "daily"]
    assert len(dailies) == DAILY_KEEP
    assert dailies[0].made.date() == dt.date(2030, 1, 10)
    assert dailies[-1].made.date() == dt.date(2030, 1, 4)
    assert daily_backup(conn, data_dir, now=start + dt.timedelta(days=9, hours=1)) is None  # already done that day


def test_restore_puts_the_backup_back_and_keeps_the_replaced_database(data_dir: Path) -> None:
    with open_store(data_dir) as store:
        store.create(ScenarioRecord(name="before", pack_id="mini"))
        backup = backup_now(data_dir)
    with open_store(data_dir) as store:
        store.create(ScenarioRecord(name="after", pack_id="mini"))
    conn = sqlite3.connect(backup.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # a self-contained file
    conn.close()

    replaced = restore_backup(data_dir, backup.path)

    assert replaced is not None and replaced.kind == "replaced"
    assert _names(data_dir) == ["before"]
    assert [row for row in sqlite3.connect(replaced.path).execute("SELECT name FROM scenario ORDER BY id")] == [("before",), ("after",)]
    assert replaced in list_backups(data_dir)
    with open_store(data_dir) as store:
        assert [s.name for s in store.list_scenarios()] == ["before"]


def test_restore_refuses_a_damaged_backup(data_dir: Path, tmp_path: Path) -> None:
    with open_store(data_dir) as store:
        store.create(ScenarioRecord(name="safe", pack_id="mini"))
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database" * 100)
    with pytest.raises(StoreError, match="damaged"):
        restore_backup(data_dir, bad)
    assert _names(data_dir) == ["safe"]


def test_restore_needs_the_store_closed(data_dir: Path) -> None:
    with open_store(data_dir):
        with pytest.raises(StoreLockedError):
            restore_backup(data_dir, list_backups(data_dir)[0].path)


def test_restore_works_in_a_folder_whose_name_looks_like_a_uri(tmp_path: Path) -> None:
    data_dir = tmp_path / "class 9?a#b%20"
    with open_store(data_dir) as store:
        store.create(ScenarioRecord(name="odd path", pack_id="mini"))
        backup = backup_now(data_dir)
    assert restore_backup(data_dir, backup.path) is not None
    assert _names(data_dir) == ["odd path"]


def test_a_restore_that_fails_midway_leaves_the_current_database(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with open_store(data_dir) as store:
        backup = backup_now(data_dir)
        store.create(ScenarioRecord(name="current", pack_id="mini"))

    def no_space(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(OSError):
        restore_backup(data_dir, backup.path)
    monkeypatch.undo()
    assert _names(data_dir) == ["current"]
    assert [p.name for p in data_dir.iterdir() if p.name.endswith(".tmp")] == []


def test_a_failed_daily_backup_does_not_keep_the_user_from_their_work(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_space(*args: object, **kwargs: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups, "copy_database", no_space)
    with open_store(data_dir) as opened:
        assert opened.housekeeping_problem is not None and "No space" in opened.housekeeping_problem
        opened.create(ScenarioRecord(name="still works", pack_id="mini"))
    assert list_backups(data_dir) == []


def _backup_with(data_dir: Path, names: list[str], now: dt.datetime) -> None:
    """A daily backup taken at `now` (as the machine's clock says) of a database holding `names`."""
    with open_store(data_dir) as store:
        for name in names:
            store.create(ScenarioRecord(name=name, pack_id="mini"))
    conn = sqlite3.connect(database_path(data_dir))
    try:
        daily_backup(conn, data_dir, now=now)
    finally:
        conn.close()


def test_a_clock_once_set_to_2099_does_not_make_an_old_backup_the_newest(data_dir: Path) -> None:
    _backup_with(data_dir, ["a"], dt.datetime(2099, 6, 1, tzinfo=dt.timezone.utc))
    _backup_with(data_dir, ["b", "c"], dt.datetime(2030, 1, 2, tzinfo=dt.timezone.utc))
    newest = [b for b in list_backups(data_dir) if b.kind == "daily"][0]
    assert newest.made.year == 2030
    conn = sqlite3.connect(newest.path)
    assert [r[0] for r in conn.execute("SELECT name FROM scenario ORDER BY id")] == ["a", "b", "c"]  # the real newest content
    conn.close()


def test_a_clock_set_back_keeps_each_new_daily_backup(data_dir: Path) -> None:
    start = dt.datetime(2030, 1, 20, 12, tzinfo=dt.timezone.utc)
    for day in range(DAILY_KEEP + 2):  # each start a day *earlier* by the clock
        _backup_with(data_dir, [f"s{day}"], start - dt.timedelta(days=day))
    dailies = [b for b in list_backups(data_dir) if b.kind == "daily"]
    assert len(dailies) == DAILY_KEEP
    assert dailies[0].made.date() == (start - dt.timedelta(days=DAILY_KEEP + 1)).date()  # the last one made is kept, and first
