"""The schema, as numbered steps from an empty file; `PRAGMA user_version` records the last applied.

Steps are only ever appended, never edited: a user's database may sit at any earlier
version, and each step must take it exactly one version forward. Each step runs in one
transaction (SQLite DDL is transactional), after a backup of the database as it was.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from store.backups import make_backup
from store.errors import MigrationError, StoreWriteError
from store.transaction import transaction

_CHILD = "scenario_id INTEGER NOT NULL REFERENCES scenario(id) ON DELETE CASCADE"

MIGRATIONS: tuple[tuple[str, ...], ...] = (
    # 1: the first schema. One row per scenario and one per value, so one edit writes one small row.
    (
        """CREATE TABLE scenario (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            pack_id TEXT NOT NULL,
            mode TEXT NOT NULL CHECK (mode IN ('explore', 'classroom')),
            role TEXT,
            step_date TEXT,  -- not "current_date": that is an SQL keyword
            revealed_at TEXT,
            created TEXT NOT NULL,
            updated TEXT NOT NULL,
            deleted_at TEXT
        )""",
        # Names are unique among live scenarios; a deleted one keeps its name until purged.
        "CREATE UNIQUE INDEX scenario_live_name ON scenario(name) WHERE deleted_at IS NULL",
        f"""CREATE TABLE assumption_value (
            {_CHILD}, assumption_id TEXT NOT NULL,
            value REAL NOT NULL, low REAL, high REAL, note TEXT NOT NULL,
            PRIMARY KEY (scenario_id, assumption_id)
        ) WITHOUT ROWID""",
        f"""CREATE TABLE argument_weight (
            {_CHILD}, argument_id TEXT NOT NULL,
            weight INTEGER NOT NULL CHECK (weight BETWEEN 0 AND 5), note TEXT NOT NULL,
            PRIMARY KEY (scenario_id, argument_id)
        ) WITHOUT ROWID""",
        f"""CREATE TABLE forecast (
            {_CHILD}, question_id TEXT NOT NULL,
            probability REAL NOT NULL CHECK (probability BETWEEN 0 AND 1),
            reason TEXT NOT NULL, made_on TEXT NOT NULL,
            PRIMARY KEY (scenario_id, question_id)
        ) WITHOUT ROWID""",
        f"""CREATE TABLE answer (
            {_CHILD}, prompt_id TEXT NOT NULL, text TEXT NOT NULL,
            PRIMARY KEY (scenario_id, prompt_id)
        ) WITHOUT ROWID""",
        # A snapshot is read and written whole (the values at one date), so its values are one JSON map.
        f"""CREATE TABLE snapshot (
            {_CHILD}, date TEXT NOT NULL, assumption_values TEXT NOT NULL,
            PRIMARY KEY (scenario_id, date)
        ) WITHOUT ROWID""",
    ),
    # 2: the list of scenarios is shown most recent first; and the app remembers small state
    # (the last opened scenario) in the same durable file rather than in QSettings.
    (
        "CREATE INDEX scenario_recent ON scenario(updated DESC, id DESC) WHERE deleted_at IS NULL",
        "CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID",
    ),
    # 3: the furthest date a student has reached, so stepping back cannot reopen a forecast
    # whose answer they have already seen.
    (
        "ALTER TABLE scenario ADD COLUMN furthest_date TEXT",
        "UPDATE scenario SET furthest_date = step_date",
    ),
    # 4: when, on the wall clock (UTC, ISO 8601), the student revealed the end; a submission
    # reports it beside the scenario date of the reveal. Earlier reveals stay without one.
    (
        "ALTER TABLE scenario ADD COLUMN revealed_on TEXT",
    ),
)
LATEST = len(MIGRATIONS)


def schema_version(conn: sqlite3.Connection) -> int:
    """The last step applied; a negative one (never written by this app) raises sqlite3.DatabaseError,
    so opening treats the file as damaged (moved aside, backups offered), not as one to update."""
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    if version < 0:
        raise sqlite3.DatabaseError(f"schema version {version}: damaged, or not a Divestiture Lab database")
    return version


def migrate(conn: sqlite3.Connection, data_dir: Path, target: int = LATEST) -> None:
    """Apply each missing step in order, backing up first unless the database was new (version 0)."""
    start = schema_version(conn)
    for number in range(start + 1, target + 1):
        if start > 0:
            make_backup(conn, data_dir, f"pre-migration-to-v{number}")
        try:
            with transaction(conn):
                for statement in MIGRATIONS[number - 1]:
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")
        except (sqlite3.Error, StoreWriteError) as exc:
            raise MigrationError(number - 1, number, str(exc)) from exc
