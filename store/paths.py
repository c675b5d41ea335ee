"""Where student data lives: the one place that decides it."""

from __future__ import annotations

import os
from pathlib import Path

import appdirs

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
    return Path(appdirs.user_data_dir(APP_NAME, appauthor=False))


DB_NAME = "scenarios.sqlite3"


def database_path(data_dir: Path) -> Path:
    return data_dir / DB_NAME
