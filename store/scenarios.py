"""The Store: named scenarios and every edit to them, each write one short transaction.

The GUI keeps the ScenarioRecord in memory and calls one `save_*` per user edit; each call
writes only the row that changed (plus the scenario's `updated` time), so autosave stays far
under a frame even with synchronous=FULL. Deleting is soft, so "undo delete" is one update.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import msgspec

from scenario.record import ArgumentWeight, AssumptionValue, Forecast, ScenarioRecord, fitted_name, name_problem
from store import rows
from store.backups import daily_backup, utc_now
from store.errors import NameTakenError, ScenarioNotFoundError, StoreError
from store.lock import DataDirLock
from store.models import Backup, ScenarioSummary
from store.transaction import reading, transaction

LAST_OPENED = "last_opened_scenario"
PURGE_AFTER = dt.timedelta(days=30)


def _stamp() -> str:
    return utc_now().isoformat(timespec="microseconds")


class Store:
    """An open database in a locked data directory; get one from `store.connection.open_store`."""

    def __init__(self, conn: sqlite3.Connection, data_dir: Path, lock: DataDirLock, read_only: str = "") -> None:
        self._conn = conn
        self.data_dir = data_dir
        self._lock = lock
        self.read_only = read_only  # why nothing can be saved (the folder cannot be written), or ""
        self.housekeeping_problem: str | None = None  # set by open_store if the daily backup or purge failed

    def close(self) -> None:
        self._conn.close()
        self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # Scenarios as a whole

    def list_scenarios(self) -> list[ScenarioSummary]:
        """Live scenarios, most recently edited first."""
        parse = dt.datetime.fromisoformat
        with reading():
            cursor = self._conn.execute(
                "SELECT id, name, pack_id, mode, role, updated FROM scenario"
                " WHERE deleted_at IS NULL ORDER BY updated DESC, id DESC"
            )
            return [ScenarioSummary(i, name, pack, mode, role, parse(updated)) for i, name, pack, mode, role, updated in cursor]

    def find(self, name: str) -> int | None:
        with reading():
            row = self._conn.execute("SELECT id FROM scenario WHERE name = ? AND deleted_at IS NULL", (name,)).fetchone()
        return None if row is None else row[0]

    def free_name(self, name: str) -> str:
        """`name`, or "name (2)", "name (3)", ... : the first valid name no live scenario uses.

        Every name the app makes comes through here (from a pack title, for Duplicate, on
        import and undelete), so each is cut to fit the limit the files check.
        """
        candidate, n = fitted_name(name), 1
        while self.find(candidate) is not None:
            n += 1
            candidate = fitted_name(name, f" ({n})")
        return candidate

    def create(self, record: ScenarioRecord) -> int:
        with _unique_name(record.name), transaction(self._conn) as conn:
            return rows.insert_record(conn, record, _stamp())

    def load(self, scenario_id: int) -> ScenarioRecord:
        with reading():
            record = rows.read_record(self._conn, scenario_id)
        if record is None:
            raise ScenarioNotFoundError(scenario_id)
        return record

    def rename(self, scenario_id: int, name: str) -> None:
        with _unique_name(name), transaction(self._conn):
            self._touch(scenario_id, name=name)

    def duplicate(self, scenario_id: int, new_name: str) -> int:
        with _unique_name(new_name), transaction(self._conn) as conn:
            original = rows.read_record(conn, scenario_id)
            if original is None:
                raise ScenarioNotFoundError(scenario_id)
            copy = rows.insert_record(conn, msgspec.structs.replace(original, name=new_name), _stamp())
            conn.execute("UPDATE scenario SET revealed_on = (SELECT revealed_on FROM scenario WHERE id = ?) WHERE id = ?",
                         (scenario_id, copy))  # not in the record (files carry it beside it): copied as the date is
            return copy

    def delete(self, scenario_id: int) -> ScenarioRecord:
        """Hide the scenario (kept for `undelete`, purged after PURGE_AFTER); returns what was deleted."""
        with transaction(self._conn):
            self._touch(scenario_id, deleted_at=_stamp())
        return self.load(scenario_id)

    def undelete(self, scenario_id: int) -> str:
        """Bring a deleted scenario back; if its name was taken meanwhile it gets a " (n)" suffix. Returns its name."""
        with transaction(self._conn) as conn:
            row = conn.execute("SELECT name FROM scenario WHERE id = ? AND deleted_at IS NOT NULL", (scenario_id,)).fetchone()
            if row is None:
                raise ScenarioNotFoundError(scenario_id)
            name = self.free_name(row[0])
            conn.execute("UPDATE scenario SET deleted_at = NULL, name = ?, updated = ? WHERE id = ?", (name, _stamp(), scenario_id))
        return name

    def purge_deleted(self, now: dt.datetime | None = None) -> int:
        """Remove scenarios deleted more than PURGE_AFTER ago; returns how many."""
        cutoff = ((now or utc_now()) - PURGE_AFTER).isoformat(timespec="microseconds")
        with transaction(self._conn) as conn:
            return conn.execute("DELETE FROM scenario WHERE deleted_at < ?", (cutoff,)).rowcount

    # One edit each

    def save_assumption(self, scenario_id: int, assumption_id: str, value: AssumptionValue | None, snapshot_date: dt.date | None) -> None:
        """The value row and, when a date is given, that date's snapshot: as `scenario.record.with_assumption`."""
        with transaction(self._conn) as conn:
            self._touch(scenario_id)
            rows.ASSUMPTIONS.save(conn, scenario_id, assumption_id, value)
            if snapshot_date is not None:
                rows.save_snapshot(conn, scenario_id, snapshot_date)

    def save_weight(self, scenario_id: int, argument_id: str, weight: ArgumentWeight | None) -> None:
        self._save(rows.WEIGHTS, scenario_id, argument_id, weight)

    def save_forecast(self, scenario_id: int, question_id: str, forecast: Forecast | None) -> None:
        self._save(rows.FORECASTS, scenario_id, question_id, forecast)

    def save_answer(self, scenario_id: int, prompt_id: str, text: str | None) -> None:
        self._save(rows.ANSWERS, scenario_id, prompt_id, text)

    def set_current_date(self, scenario_id: int, day: dt.date) -> None:
        """Also moves the furthest date reached forward (ISO dates compare as text)."""
        with transaction(self._conn) as conn:
            self._touch(scenario_id, step_date=day.isoformat())
            conn.execute("UPDATE scenario SET furthest_date = ? WHERE id = ? AND (furthest_date IS NULL OR furthest_date < ?)",
                         (day.isoformat(), scenario_id, day.isoformat()))

    def set_role(self, scenario_id: int, role: str | None) -> None:
        self._set(scenario_id, role=role)

    def set_revealed(self, scenario_id: int, revealed_at: dt.date | None, revealed_on: dt.datetime | None = None) -> None:
        """The scenario date of the reveal and, when the clock could be read, its wall-clock time."""
        self._set(scenario_id, revealed_at=None if revealed_at is None else revealed_at.isoformat(),
                  revealed_on=None if revealed_on is None else revealed_on.isoformat())

    def revealed_on(self, scenario_id: int) -> dt.datetime | None:
        """When the reveal happened on the wall clock: None if it did not, if it came before the
        time was kept (schema 4), or if the stored text is not a time (the file was edited)."""
        with reading():
            row = self._conn.execute("SELECT revealed_on FROM scenario WHERE id = ?", (scenario_id,)).fetchone()
        try:
            return None if row is None or row[0] is None else dt.datetime.fromisoformat(row[0])
        except (TypeError, ValueError):
            return None

    # Small app state that belongs with the data (not UI layout, which is QSettings' job)

    def last_opened(self) -> int | None:
        """The scenario to reopen at start, if it still exists and is not deleted."""
        with reading():
            row = self._conn.execute(
                "SELECT s.id FROM app_state a JOIN scenario s ON s.id = CAST(a.value AS INTEGER)"
                " WHERE a.key = ? AND s.deleted_at IS NULL", (LAST_OPENED,)
            ).fetchone()
        return None if row is None else row[0]

    def set_last_opened(self, scenario_id: int) -> None:
        with transaction(self._conn) as conn:
            conn.execute("INSERT OR REPLACE INTO app_state (key, value) VALUES (?, ?)", (LAST_OPENED, str(scenario_id)))

    def daily_backup(self) -> Backup | None:
        """Also called at open; a long-running GUI may call it on a timer."""
        return daily_backup(self._conn, self.data_dir)

    # Helpers

    def _save(self, table: rows.Table, scenario_id: int, key: str, item: Any | None) -> None:
        with transaction(self._conn) as conn:
            self._touch(scenario_id)
            table.save(conn, scenario_id, key, item)

    def _set(self, scenario_id: int, **columns: Any) -> None:
        with transaction(self._conn):
            self._touch(scenario_id, **columns)

    def _touch(self, scenario_id: int, **columns: Any) -> None:
        """Set `updated` (and any given scenario columns) on a live scenario, or raise ScenarioNotFoundError."""
        columns["updated"] = _stamp()
        assignments = ", ".join(f"{name} = ?" for name in columns)
        cursor = self._conn.execute(
            f"UPDATE scenario SET {assignments} WHERE id = ? AND deleted_at IS NULL", (*columns.values(), scenario_id)
        )
        if cursor.rowcount == 0:
            raise ScenarioNotFoundError(scenario_id)


class InvalidNameError(StoreError, ValueError):
    """A name no scenario file could hold (too long, several lines, nothing visible); nothing was saved."""

    def __init__(self, name: str, problem: str) -> None:
        self.name = name
        super().__init__(f"a scenario name {problem}")


@contextmanager
def _unique_name(name: str) -> Iterator[None]:
    """Refuses a name that breaks `name_problem`; turns the unique-name index's IntegrityError into NameTakenError."""
    problem = name_problem(name)
    if problem is not None:
        raise InvalidNameError(name, problem)
    try:
        yield
    except sqlite3.IntegrityError as exc:
        if "scenario.name" in str(exc):
            raise NameTakenError(name) from exc
        raise
