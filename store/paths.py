"""Where student data lives: the one place that decides it."""

from __future__ import annotations

import os
from pathlib import Path

import appdirs

from store.errors import StoreError

APP_NAME = "divestiture-lab"
ENV_VAR = "DIVESTITURE_LAB_DATA_DIR"


def user_packs_dir(data_dir: Path) -> Path:
    """Packs a student or teacher opened from a file, kept so their scenarios can be resumed."""
    return data_dir / "packs"


def default_data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """`--data-dir` wins, then the environment variable, then the platform's user data folder.

    The environment variable lets a teacher point a lab of shared machines at a network
    drive, and lets tests run without touching a real user's data.
    """
    if override:
        return Path(override).expanduser()
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR]).expanduser()
    path = Path(appdirs.user_data_dir(APP_NAME, appauthor=False))
    if not path.is_absolute():
        # appdirs takes XDG_DATA_HOME as it is, but the XDG spec says an empty or relative one
        # is to be ignored, for ~/.local/share; data under the current folder would get lost.
        path = Path(os.path.expanduser("~/.local/share"), APP_NAME)
    if not path.is_absolute():  # no HOME and no account entry to find a home folder by
        raise DataDirError(f"cannot tell where to keep your data (no home folder is known); use --data-dir DIR or set {ENV_VAR}")
    return path


class DataDirError(StoreError):
    """No absolute default data folder can be found; the user must name one."""


DB_NAME = "scenarios.sqlite3"


def database_path(data_dir: Path) -> Path:
    return data_dir / DB_NAME
