"""How a ScenarioRecord maps to rows: one scenario row and one row per value.

Every child table is described once (`Table`), so saving, deleting, reading and copying a
kind of value share one code path instead of five near-copies.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sqlite3
from collections.abc import Callable, Mapping
from typing import Any

import msgspec

from scenario.record import ArgumentWeight, AssumptionValue, Forecast, ScenarioRecord, Snapshot

_VALUES = msgspec.json.Decoder(dict[str, float])


@dataclasses.dataclass(frozen=True)
class Table:
    """A child table keyed by (scenario_id, key); `columns` hold one value."""

    name: str
    key: str
    columns: tuple[str, ...]
    to_row: Callable[[Any], tuple[Any, ...]]
    from_row: Callable[[tuple[Any, ...]], Any]

    def save(self, conn: sqlite3.Connection, scenario_id: int, key: str, item: Any | None) -> None:
        """Write one value, or with None remove it."""
        if item is None:
            conn.execute(f"DELETE FROM {self.name} WHERE scenario_id = ? AND {self.key} = ?", (scenario_id, key))
        else:
            self.insert(conn, scenario_id, {key: item})

    def insert(self, conn: sqlite3.Connection, scenario_id: int, items: Mapping[str, Any]) -> None:
        names = ", ".join(("scenario_id", self.key, *self.columns))
        marks = ", ".join("?" * (2 + len(self.columns)))
        conn.executemany(
            f"INSERT OR REPLACE INTO {self.name} ({names}) VALUES ({marks})",
            [(scenario_id, key, *self.to_row(item)) for key, item in items.items()],
        )

    def read(self, conn: sqlite3.Connection, scenario_id: int) -> dict[str, Any]:
        cursor = conn.execute(f"SELECT {self.key}, {', '.join(self.columns)} FROM {self.name} WHERE scenario_id = ?", (scenario_id,))
        return {row[0]: self.from_row(row[1:]) for row in cursor}


def _date(text: str | None) -> dt.date | None:
    return None if text is None else dt.date.fromisoformat(text)


def _iso(day: dt.date | None) -> str | None:
    return None if day is None else day.isoformat()


ASSUMPTIONS = Table(
    "assumption_value", "assumption_id", ("value", "low", "high", "note"),
    lambda v: (v.value, v.low, v.high, v.note),
    lambda r: AssumptionValue(value=r[0], low=r[1], high=r[2], note=r[3]),
)
WEIGHTS = Table(
    "argument_weight", "argument_id", ("weight", "note"),
    lambda w: (w.weight, w.note),
    lambda r: ArgumentWeight(weight=r[0], note=r[1]),
)
FORECASTS = Table(
    "forecast", "question_id", ("probability", "reason", "made_on"),
    lambda f: (f.probability, f.reason, f.made_on.isoformat()),
    lambda r: Forecast(probability=r[0], reason=r[1], made_on=dt.date.fromisoformat(r[2])),
)
ANSWERS = Table("answer", "prompt_id", ("text",), lambda text: (text,), lambda r: r[0])
SNAPSHOTS = Table(  # keyed by ISO date; the value is that date's {assumption id: value}
    "snapshot", "date", ("assumption_values",),
    lambda values: (msgspec.json.encode(values).decode(),),
    lambda r: _VALUES.decode(r[0]),
)


def save_snapshot(conn: sqlite3.Connection, scenario_id: int, at: dt.date) -> None:
    """The values as they now stand, as that date's snapshot (as `scenario.record.with_snapshot`)."""
    values = dict(conn.execute("SELECT assumption_id, value FROM assumption_value WHERE scenario_id = ?", (scenario_id,)))
    before = conn.execute("SELECT assumption_values FROM snapshot WHERE scenario_id = ? AND date < ? ORDER BY date DESC LIMIT 1",
                          (scenario_id, at.isoformat())).fetchone()
    unchanged = values == (SNAPSHOTS.from_row(before) if before else {})
    SNAPSHOTS.save(conn, scenario_id, at.isoformat(), None if unchanged else values)


def insert_record(conn: sqlite3.Connection, record: ScenarioRecord, stamp: str) -> int:
    """Insert a whole record as a new scenario; the caller owns the transaction."""
    cursor = conn.execute(
        "INSERT INTO scenario (name, pack_id, mode, role, step_date, furthest_date, revealed_at, created, updated)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (record.name, record.pack_id, record.mode, record.role, _iso(record.current_date), _iso(record.furthest_date),
         _iso(record.revealed_at), stamp, stamp),
    )
    scenario_id = cursor.lastrowid
    assert scenario_id is not None
    ASSUMPTIONS.insert(conn, scenario_id, record.assumptions)
    WEIGHTS.insert(conn, scenario_id, record.weights)
    FORECASTS.insert(conn, scenario_id, record.forecasts)
    ANSWERS.insert(conn, scenario_id, record.answers)
    SNAPSHOTS.insert(conn, scenario_id, {s.date.isoformat(): s.values for s in record.snapshots})
    return scenario_id


def read_record(conn: sqlite3.Connection, scenario_id: int) -> ScenarioRecord | None:
    """The scenario as a record, or None if no such row; deleted scenarios are readable too (for undo)."""
    row = conn.execute(
        "SELECT name, pack_id, mode, role, step_date, furthest_date, revealed_at FROM scenario WHERE id = ?", (scenario_id,)
    ).fetchone()
    if row is None:
        return None
    name, pack_id, mode, role, step_date, furthest_date, revealed_at = row
    snapshots = SNAPSHOTS.read(conn, scenario_id)
    return ScenarioRecord(
        name=name, pack_id=pack_id, mode=mode, role=role,
        current_date=_date(step_date), furthest_date=_date(furthest_date), revealed_at=_date(revealed_at),
        assumptions=ASSUMPTIONS.read(conn, scenario_id),
        weights=WEIGHTS.read(conn, scenario_id),
        forecasts=FORECASTS.read(conn, scenario_id),
        answers=ANSWERS.read(conn, scenario_id),
        snapshots=[Snapshot(date=dt.date.fromisoformat(day), values=values) for day, values in sorted(snapshots.items())],
    )
