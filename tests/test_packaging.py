"""`pip install .` must give a working app: code, packs, schema, icon, desktop file, command."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.test_cli import ROOT


def test_the_wheel_carries_the_resources_and_the_command(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(ROOT)],
                   check=True, capture_output=True, timeout=300, cwd=tmp_path)
    [wheel] = tmp_path.glob("divestiture_lab-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("main.py", "cli.py", "gui/app/application.py", "scenario/pack.py", "store/connection.py", "resources/scenarios/tiktok-2020.json",
                   "resources/scenarios/tiktok-2024.json", "resources/schema/pack.schema.json", "resources/icons/divestiture-lab.svg",
                   "resources/divestiture-lab.desktop"):
        assert needed in names, needed
    assert not any(n.startswith("tests/") for n in names)
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "divestiture-lab = main:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
