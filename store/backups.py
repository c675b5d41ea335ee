"""Copies of the database a user can go back to: daily (last 7 kept), before each migration,
and the database that a restore replaced.

Copies use sqlite3's online backup API, so they are consistent even with the WAL in use, and
land under their final name only once complete (temporary file, fsync, rename).

Which backup is newest goes by the order they were made in (a sequence number in the file
name), not by the clock: a machine whose clock was once wrong, years ahead or set back, must
neither offer an old copy as the newest nor delete each new daily copy as the oldest.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from collections.abc import Callable
from pathlib import Path

from store.errors import StoreError
from store.files import fsync_dir
from store.lock import DataDirLock
from store.models import Backup
from store.paths import database_path

BACKUP_DIR = "backups"
DAILY = "daily"
DAILY_KEEP = 7
SIDECARS = ("-wal", "-shm", "-journal")
_STAMP = "%Y%m%dT%H%M%S%fZ"
_NAME = re.compile(r"^(?P<kind>[a-z0-9-]+?)-(?P<stamp>\d{8}T\d{12}Z)(?:-(?P<seq>\d{1,12}))?\.sqlite3$")


def backups_dir(data_dir: Path) -> Path:
    return data_dir / BACKUP_DIR


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def _next(data_dir: Path, kind: str, made: dt.datetime) -> Backup:
    """The next backup's name: one more than the highest sequence number in the folder."""
    sequence = max((b.sequence for b in list_backups(data_dir)), default=0) + 1
    return Backup(backups_dir(data_dir) / f"{kind}-{made.strftime(_STAMP)}-{sequence}.sqlite3", kind, made, sequence)


def list_backups(data_dir: Path) -> list[Backup]:
    """Every backup, the most recently made first, so the GUI can offer the first one."""
    folder = backups_dir(data_dir)
    if not folder.is_dir():
        return []
    found = []
    for path in folder.iterdir():
        match = _NAME.match(path.name)
        if match:
            made = dt.datetime.strptime(match["stamp"], _STAMP).replace(tzinfo=dt.timezone.utc)
            found.append(Backup(path, match["kind"], made, int(match["seq"] or 0)))
    found.sort(key=lambda b: b.order, reverse=True)
    return found


def make_backup(conn: sqlite3.Connection, data_dir: Path, kind: str, now: dt.datetime | None = None) -> Backup:
    """Copy the open database into the backups folder as one self-contained file."""
    backup = _next(data_dir, kind, now or utc_now())
    backup.path.parent.mkdir(parents=True, exist_ok=True)
    copy_database(conn, backup.path)
    return backup


def copy_database(source: sqlite3.Connection, target: Path, before_replace: Callable[[], None] = lambda: None) -> None:
    """Online copy into one self-contained file (rollback journal, no -wal beside it).

    Written to a temporary name, fsynced, then renamed over `target` (after `before_replace`),
    so `target` is never a half-written copy; on failure the temporary file is removed.
    """
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        tmp.unlink(missing_ok=True)
        dest = sqlite3.connect(tmp)
        try:
            source.backup(dest)
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
        with open(tmp, "rb+") as f:
            os.fsync(f.fileno())
        before_replace()
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)


def daily_backup(conn: sqlite3.Connection, data_dir: Path, now: dt.datetime | None = None) -> Backup | None:
    """At most one backup per UTC day; afterwards only the newest DAILY_KEEP dailies remain."""
    now = now or utc_now()
    dailies = [b for b in list_backups(data_dir) if b.kind == DAILY]
    made = None
    if not any(b.made.date() == now.date() for b in dailies):
        made = make_backup(conn, data_dir, DAILY, now)
        dailies.append(made)
    dailies.sort(key=lambda b: b.order, reverse=True)
    for old in dailies[DAILY_KEEP:]:
        old.path.unlink(missing_ok=True)
    return made


def move_database(source: Path, target: Path) -> None:
    """Rename a database together with its WAL and shared-memory files, which hold committed data too."""
    target.parent.mkdir(parents=True, exist_ok=True)
    for suffix in SIDECARS:
        side = source.with_name(source.name + suffix)
        if side.exists():
            os.replace(side, target.with_name(target.name + suffix))
    os.replace(source, target)
    fsync_dir(source.parent)
    fsync_dir(target.parent)


def _open_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)


def check_database(path: Path) -> str:
    """`quick_check` result ("ok" when healthy), or the error a damaged file raises."""
    try:
        conn = _open_read_only(path)
        try:
            return conn.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)


def restore_backup(data_dir: Path, backup_path: Path) -> Backup | None:
    """Put a backup in place of the database. Close the Store first: this takes the lock.

    The current database (if any) is moved into the backups folder as a "replaced" backup,
    never deleted, and is returned so the GUI can say where it went.
    """
    result = check_database(backup_path)
    if result != "ok":
        raise StoreError(f"the backup {backup_path} is damaged too ({result})")
    db = database_path(data_dir)
    with DataDirLock(data_dir):
        replaced = _next(data_dir, "replaced", utc_now()) if db.exists() else None

        def move_current_aside() -> None:  # only once the copy is complete: a failed copy changes nothing
            if replaced is not None:
                move_database(db, replaced.path)

        source = _open_read_only(backup_path)
        try:
            copy_database(source, db, before_replace=move_current_aside)
        finally:
            source.close()
    return replaced
