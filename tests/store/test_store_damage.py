"""A damaged database is moved aside (never deleted) and the user is offered the backups."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from scenario.record import ScenarioRecord
from store.connection import open_store, recover
from store.errors import CorruptDatabaseError
from store.paths import database_path
from tests.conftest import backup_now


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _saved_with_backup(data_dir: Path) -> None:
    with open_store(data_dir) as store:
        store.create(ScenarioRecord(name="precious", pack_id="mini"))
        store.save_answer(1, "p-1", "x" * 100_000)  # enough pages that truncation cuts real data
        backup_now(data_dir)


def _damage_garbage(db: Path) -> None:
    db.write_bytes(b"\x00garbage\xff" * 5000)


def _damage_truncate(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) // 2])


@pytest.mark.parametrize("damage", [_damage_garbage, _damage_truncate], ids=["garbage", "truncated"])
def test_damaged_database_is_moved_aside_with_the_backups_offered(data_dir: Path, damage) -> None:
    _saved_with_backup(data_dir)
    db = database_path(data_dir)
    damage(db)
    damaged = _digest(db)

    with pytest.raises(CorruptDatabaseError) as caught:
        open_store(data_dir)

    error = caught.value
    assert not db.exists()
    assert _digest(error.moved_to) == damaged
    assert error.moved_to.parent.name == "damaged"
    assert [b.kind for b in error.backups] == ["manual", "daily"]

    with recover(data_dir, error.backups[0].path) as store:
        assert [s.name for s in store.list_scenarios()] == ["precious"]
    assert error.moved_to.exists()


def test_start_fresh_after_damage(data_dir: Path) -> None:
    _saved_with_backup(data_dir)
    _damage_garbage(database_path(data_dir))
    with pytest.raises(CorruptDatabaseError):
        open_store(data_dir)
    with recover(data_dir, None) as store:
        assert store.list_scenarios() == []
