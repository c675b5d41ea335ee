"""Shared fixtures: every test runs headless and against a throw-away data directory."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

DATA = Path(__file__).parent / "data"
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":
    # a 1920x1080 virtual screen: the default 800x600 one is smaller than the window's layout
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={DATA / 'offscreen-screen.json'}"
MINI_PACK = DATA / "mini-pack.json"


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """No test may read or write a real user's data."""
    folder = tmp_path / "data"
    monkeypatch.setenv("DIVESTITURE_LAB_DATA_DIR", str(folder))
    return folder


@pytest.fixture
def mini_json() -> dict:
    return json.loads(MINI_PACK.read_text())


@pytest.fixture
def write_pack(tmp_path: Path):
    """Write a (possibly broken) pack dict to a file and return its path."""

    def write(pack: dict | str | bytes, name: str = "pack.json") -> Path:
        path = tmp_path / name
        if isinstance(pack, dict):
            pack = json.dumps(pack)
        path.write_bytes(pack if isinstance(pack, bytes) else pack.encode())
        return path

    return write


@pytest.fixture
def packs_dir(tmp_path: Path) -> Path:
    """A pack folder holding only the synthetic pack, as the app's resources/scenarios would."""
    folder = tmp_path / "packs"
    folder.mkdir()
    shutil.copy(MINI_PACK, folder / "mini.json")
    return folder


def backup_now(data_dir: Path):
    """A backup of the database as it is now, made the way the app's own backups are."""
    from store.backups import make_backup
    from store.paths import database_path

    with closing(sqlite3.connect(database_path(data_dir))) as conn:
        return make_backup(conn, data_dir, "manual")
