"""The desktop bundle: its unpacked size, and its start-up against the venv's, in the same run.

Both sides are timed the same way, from launch to exit of a `--screenshot` run (start, build
the window, paint it once, save, quit), interleaved so machine noise hits both alike. The
bundle is built first (`packaging/build.py`) when dist/ has none for this version.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER = ROOT / "dist" / "divestiture-lab"
RUNS = 5


def _seconds(command: list[str], data_dir: str, shot: Path) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    started = time.perf_counter()
    subprocess.run([*command, "--data-dir", data_dir, "--pack", "tiktok-2020", "--screenshot", str(shot)],
                   check=True, capture_output=True, env=env, timeout=120)
    return time.perf_counter() - started


def run() -> dict[str, float]:
    if not (FOLDER / "divestiture-lab").exists():
        subprocess.run([sys.executable, str(ROOT / "packaging" / "build.py")], check=True, capture_output=True)
    size = sum(p.stat().st_size for p in FOLDER.rglob("*") if p.is_file() and not p.is_symlink())
    bundle, venv = [str(FOLDER / "divestiture-lab")], [sys.executable, str(ROOT / "main.py")]
    with tempfile.TemporaryDirectory() as data_dir:
        shot = Path(data_dir) / "shot.png"
        for command in (bundle, venv):  # warm the file cache for both
            _seconds(command, data_dir, shot)
        times: dict[str, list[float]] = {"bundle": [], "venv": []}
        for _ in range(RUNS):
            times["bundle"].append(_seconds(bundle, data_dir, shot))
            times["venv"].append(_seconds(venv, data_dir, shot))
    return {
        "bundle_mb": round(size / 1e6, 1),
        "bundle_startup_s": round(statistics.median(times["bundle"]), 3),
        "bundle_startup_ratio": round(statistics.median(times["bundle"]) / statistics.median(times["venv"]), 3),
    }
