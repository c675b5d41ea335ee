"""Writing whole files so that a crash leaves either the old file or the new one, never half."""

from __future__ import annotations

import errno
import os
import secrets
import shutil
import stat
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO


def fsync_dir(directory: Path) -> None:
    """Make a rename durable; a no-op where directories cannot be opened (Windows)."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Temporary file in the same directory, fsync, os.replace, fsync the directory.

    On any failure the temporary file is removed and the old file at `path` is untouched.
    """
    _replace_atomic(Path(path), lambda out: out.write(data))


def copy_atomic(source: Path, path: Path) -> None:
    """`path` made a copy of the regular file `source`, as `write_atomic` writes: whole or not at all.

    Copied in chunks, not read whole, since `source` is whatever the user had there. Refuses a
    `source` that is not a regular file (a FIFO would block) with OSError.
    """
    fd = os.open(source, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise OSError(errno.EINVAL, f"not a regular file: {source}")
    with os.fdopen(fd, "rb") as original:
        _replace_atomic(Path(path), lambda out: shutil.copyfileobj(original, out))


def _replace_atomic(path: Path, write: Callable[[BinaryIO], object]) -> None:
    fd, tmp = _new_temporary(path)
    try:
        with os.fdopen(fd, "wb") as out:
            write(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def _new_temporary(path: Path) -> tuple[int, Path]:
    """A new empty file beside `path`, opened for writing.

    Created with mode 0o666 so that the umask decides, as for any file the user saves: what is
    written here (submissions, reports, exported scenarios) is meant for others, and mkstemp's
    0600 kept a teacher's account from reading a shared folder. O_EXCL refuses a name that
    exists, a planted symlink included.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_CLOEXEC", 0)
    for _ in range(100):  # with 48 random bits, a second try is already rare
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(tmp, flags, 0o666), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name beside {path}")
