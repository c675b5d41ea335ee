"""`open_store`: the one way into the database, and the checks that make opening it safe.

Order matters: lock first (a second instance must not even read), then check the file
without writing to it (a damaged or newer database must be left exactly as found), and only
then switch on WAL, migrate (backing up first) and take the daily backup.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from store.backups import list_backups, move_database, restore_backup, utc_now
from store.errors import CorruptDatabaseError, NewerDatabaseError, StoreWriteError
from store.lock import DataDirLock
from store.migrations import LATEST, migrate, schema_version
from store.paths import database_path
from store.scenarios import Store
from store.transaction import write_error

DAMAGED_DIR = "damaged"
BUSY_TIMEOUT_MS = 2000
# The WAL is checkpointed into the database whenever it passes this many pages (about 400 KB),
# and cut back to WAL_LIMIT_BYTES when it restarts: SQLite's default lets it grow to 4 MB and
# never shrink, which filled small disks with the app's own log.
WAL_CHECKPOINT_PAGES = 100
WAL_LIMIT_BYTES = 1024 * 1024


def open_store(data_dir: Path) -> Store:
    """Open (creating if needed) the store in `data_dir`.

    Raises StoreLockedError, CorruptDatabaseError (the file was moved aside; see its
    `.backups`), NewerDatabaseError (file untouched), MigrationError (rolled back) or
    StoreWriteError (cannot write there).
    """
    data_dir = Path(data_dir)
    lock = DataDirLock(data_dir)
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        lock.acquire()
    except OSError as exc:
        raise StoreWriteError(f"cannot use the data folder {data_dir} ({exc.strerror or exc})") from exc
    try:
        conn = _connect_checked(data_dir)
        store = Store(conn, data_dir, lock)
    except BaseException:
        lock.release()
        raise
    try:
        store.daily_backup()
        store.purge_deleted()
    except (StoreWriteError, OSError, sqlite3.Error) as exc:
        # Housekeeping only: a full disk must not keep the user from their work.
        store.housekeeping_problem = str(exc)
    return store


def open_store_read_only(data_dir: Path, why: str) -> Store:
    """The saved scenarios of a folder this user cannot write (a read-only share, a home folder
    owned by someone else), opened without writing a byte: they can be read and exported, and
    every save fails with "the data folder is read-only", so edits stay in memory.

    `why` says why the folder could not be opened for writing. No lock is taken (there is no
    file to take it in); nothing is written, so a second reader cannot harm the database.
    Raises StoreWriteError when there is nothing to read or it cannot be read as it is.
    """
    data_dir = Path(data_dir)
    path = database_path(data_dir)
    if not path.is_file():
        raise StoreWriteError(f"{why}, and it holds no saved scenarios")
    conn = None
    for flags in ("mode=ro", "immutable=1"):  # a WAL database in a read-only folder may need immutable
        try:
            conn = sqlite3.connect(f"{path.resolve().as_uri()}?{flags}", uri=True, isolation_level=None)
            version = schema_version(conn)
            break
        except sqlite3.DatabaseError:
            if conn is not None:
                conn.close()
            conn = None
    if conn is None:
        raise StoreWriteError(f"{why}, and its saved scenarios cannot be read without writing")
    if version != LATEST:
        conn.close()
        raise StoreWriteError(f"{why}, and its database (schema {version}) would need updating, which a read-only folder does not allow")
    return Store(conn, data_dir, DataDirLock(data_dir), read_only=why)


def recover(data_dir: Path, backup: Path | None) -> Store:
    """After a CorruptDatabaseError: restore `backup` (None: start with an empty database) and open."""
    if backup is not None:
        restore_backup(data_dir, backup)
    return open_store(data_dir)


def _connect_checked(data_dir: Path) -> sqlite3.Connection:
    path = database_path(data_dir)
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        problem = _check(conn)
        version = schema_version(conn) if problem is None else 0
    except sqlite3.DatabaseError as exc:
        problem = str(exc)
    if problem is not None:
        conn.close()
        _move_aside_and_refuse(data_dir, path, problem)
    if version > LATEST:
        conn.close()
        raise NewerDatabaseError(path, version, LATEST)
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
        conn.execute(f"PRAGMA journal_size_limit = {WAL_LIMIT_BYTES}")
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        migrate(conn, data_dir)
    except sqlite3.OperationalError as exc:
        conn.close()
        raise write_error(exc) from exc
    except BaseException:
        conn.close()
        raise
    return conn


def _check(conn: sqlite3.Connection) -> str | None:
    """None when `quick_check` passes, else its findings on one line."""
    found = [row[0] for row in conn.execute("PRAGMA quick_check")]
    return None if found == ["ok"] else "; ".join(found)


def _move_aside_and_refuse(data_dir: Path, path: Path, problem: str) -> None:
    target = data_dir / DAMAGED_DIR / f"{path.stem}-{utc_now():%Y%m%dT%H%M%S%fZ}{path.suffix}"
    move_database(path, target)
    raise CorruptDatabaseError(target, list_backups(data_dir), problem)
