"""Numbered migrations: a database at the first schema is brought forward, after a backup."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from pathlib import Path

import pytest

from scenario.record import ScenarioRecord
from store.backups import list_backups
from store.connection import open_store
from store.errors import CorruptDatabaseError, MigrationError, NewerDatabaseError
from store.migrations import LATEST, migrate, schema_version
from store.paths import database_path


def _database_at_v1(data_dir: Path) -> None:
    """A database as the first release left it, with one scenario in it."""
    data_dir.mkdir(parents=True)
    conn = sqlite3.connect(database_path(data_dir), isolation_level=None)
    migrate(conn, data_dir, target=1)
    conn.execute(
        "INSERT INTO scenario (name, pack_id, mode, created, updated) VALUES ('old', 'mini', 'explore', '2030-01-01T00:00:00+00:00', '2030-01-01T00:00:00+00:00')"
    )
    conn.execute("INSERT INTO answer VALUES (1, 'p-1', 'kept')")
    conn.close()


def test_a_new_database_is_created_at_the_latest_version_without_a_migration_backup(data_dir: Path) -> None:
    with open_store(data_dir):
        pass
    conn = sqlite3.connect(database_path(data_dir))
    assert schema_version(conn) == LATEST == 4
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert not [b for b in list_backups(data_dir) if b.kind.startswith("pre-migration")]


def test_migrates_from_the_first_schema_keeping_data(data_dir: Path) -> None:
    _database_at_v1(data_dir)
    with open_store(data_dir) as store:
        assert store.load(1) == ScenarioRecord(name="old", pack_id="mini", answers={"p-1": "kept"})
        store.set_last_opened(1)  # app_state arrived in migration 2
        assert store.last_opened() == 1
    conn = sqlite3.connect(database_path(data_dir))
    assert schema_version(conn) == LATEST
    assert conn.execute("SELECT name FROM sqlite_master WHERE name = 'scenario_recent'").fetchone()


def test_backup_is_taken_before_migrating(data_dir: Path) -> None:
    _database_at_v1(data_dir)
    with open_store(data_dir):
        pass
    [backup] = [b for b in list_backups(data_dir) if b.kind == "pre-migration-to-v2"]
    conn = sqlite3.connect(backup.path)
    assert schema_version(conn) == 1
    assert conn.execute("SELECT text FROM answer").fetchall() == [("kept",)]
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_a_failing_migration_step_changes_nothing(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _database_at_v1(data_dir)
    import store.migrations as migrations

    broken = (*migrations.MIGRATIONS[:1], (migrations.MIGRATIONS[1][0], "CREATE TABLE nonsense ("))
    monkeypatch.setattr(migrations, "MIGRATIONS", broken)
    with pytest.raises(MigrationError, match="from schema 1 to 2"):
        open_store(data_dir)
    conn = sqlite3.connect(database_path(data_dir))
    assert schema_version(conn) == 1
    assert not conn.execute("SELECT name FROM sqlite_master WHERE name = 'scenario_recent'").fetchone()


def test_a_newer_database_is_refused_and_left_byte_identical(data_dir: Path) -> None:
    with open_store(data_dir) as store:
        store.create(ScenarioRecord(name="future", pack_id="mini"))
    conn = sqlite3.connect(database_path(data_dir))
    conn.execute(f"PRAGMA user_version = {LATEST + 1}")
    conn.close()
    before = hashlib.sha256(database_path(data_dir).read_bytes()).hexdigest()
    backups_before = list_backups(data_dir)
    with pytest.raises(NewerDatabaseError) as caught:
        open_store(data_dir)
    assert (caught.value.found, caught.value.known) == (LATEST + 1, LATEST)
    assert hashlib.sha256(database_path(data_dir).read_bytes()).hexdigest() == before
    assert list_backups(data_dir) == backups_before
    assert sorted(p.name for p in data_dir.iterdir()) == ["backups", "divestiture-lab.lock", "scenarios.sqlite3"]


def test_a_negative_schema_version_is_reported_as_damage_not_as_an_update(data_dir: Path) -> None:
    """user_version -1 is nothing this app writes: the file is damaged or another program's."""
    with open_store(data_dir) as store:
        store.create(ScenarioRecord(name="before", pack_id="mini"))
    conn = sqlite3.connect(database_path(data_dir))
    conn.execute("PRAGMA user_version = -1")
    conn.close()
    data = database_path(data_dir).read_bytes()
    with pytest.raises(CorruptDatabaseError) as caught:
        open_store(data_dir)
    assert "schema version -1: damaged, or not a Divestiture Lab database" in str(caught.value)
    assert "update" not in str(caught.value)
    assert caught.value.moved_to.read_bytes() == data and caught.value.backups  # moved aside whole, never deleted


def test_the_wall_clock_time_of_a_reveal_is_kept_and_an_older_database_reads_none(data_dir: Path) -> None:
    _database_at_v1(data_dir)
    conn = sqlite3.connect(database_path(data_dir), isolation_level=None)
    conn.execute("UPDATE scenario SET revealed_at = '2030-02-01' WHERE id = 1")  # revealed before the time was kept
    conn.close()
    when = dt.datetime(2026, 12, 2, 13, 45, tzinfo=dt.timezone.utc)
    with open_store(data_dir) as store:
        assert store.load(1).revealed_at == dt.date(2030, 2, 1) and store.revealed_on(1) is None
        store.set_revealed(1, dt.date(2030, 2, 1), when)
        assert store.revealed_on(1) == when
        copy = store.duplicate(1, "copy")
        assert store.revealed_on(copy) == when, "a copy keeps when its reveal happened, as it keeps the date"
    with open_store(data_dir) as store:
        assert store.revealed_on(1) == when


def test_a_damaged_reveal_time_reads_as_unknown(data_dir: Path) -> None:
    with open_store(data_dir) as store:
        sid = store.create(ScenarioRecord(name="s", pack_id="mini", revealed_at=dt.date(2030, 2, 1)))
    conn = sqlite3.connect(database_path(data_dir), isolation_level=None)
    conn.execute("UPDATE scenario SET revealed_on = 'not a time' WHERE id = ?", (sid,))
    conn.close()
    with open_store(data_dir) as store:
        assert store.revealed_on(sid) is None
