"""One write, one transaction: all of it is saved, or none of it and the caller is told why.

sqlite3's own errors say "database or disk is full"; the user needs to hear that their
last change is not saved yet and that everything before it is safe, so they are reworded here.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager

from store.errors import StoreReadError, StoreWriteError

_REASONS = {
    "full": "the disk is full",
    "readonly": "the data folder is read-only",
    "locked": "the database is busy",
    "disk i/o": "the disk reported an error",
    "malformed": "the database file is damaged (restart the app to recover it from a backup)",
}


def write_error(exc: sqlite3.Error) -> StoreWriteError:
    text = str(exc)
    reason = next((r for key, r in _REASONS.items() if key in text.lower()), text)
    return StoreWriteError(f"{reason}: the last change was not saved; everything saved before it is safe ({text})")


@contextmanager
def reading() -> Iterator[None]:
    """Reads fail the way writes do: as a StoreError the GUI can show, never a raw sqlite3 error."""
    try:
        yield
    except sqlite3.DatabaseError as exc:  # OperationalError (I/O, file gone) included
        raise StoreReadError(f"your saved scenarios cannot be read ({exc}); nothing was changed. "
                             "Restart Divestiture Lab: it checks the database and offers the newest backup") from exc


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT; on any error roll back, and report disk and file errors as StoreWriteError."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        if conn.in_transaction:  # SQLite may already have rolled back (e.g. on SQLITE_FULL)
            try:
                conn.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # report the cause, not the failed cleanup; the next write tries the rollback again
        if isinstance(exc, sqlite3.OperationalError) or type(exc) is sqlite3.DatabaseError:  # I/O or corruption, not a bug
            _checkpoint(conn)
            raise write_error(exc) from exc
        raise


def _checkpoint(conn: sqlite3.Connection) -> None:
    """Move what the WAL holds into the database and empty it, after a failed write.

    On a full disk the WAL may be what fills it: truncating it gives the space back, so the
    next try can succeed. Best effort: the write's own error is the one to report.
    """
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error:
        pass
