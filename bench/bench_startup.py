"""Start-up to first paint, as a ratio to a bare PySide6 window started the same way.

Both run with Python's bytecode cache, as an installed app does (the bundle ships compiled
modules; a checkout writes `__pycache__` on first run): where the environment turns the cache
off (PYTHONDONTWRITEBYTECODE), the app would be timed compiling its own source on every start,
which no user waits for after the first.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROBE = Path(__file__).with_name("startup_probe.py")
RUNS = 7


def _once(mode: str, extra: list[str]) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    launched = time.time()
    out = subprocess.run([sys.executable, str(PROBE), mode, repr(launched), *extra], capture_output=True, text=True, env=env, check=True, timeout=60)
    return float(out.stdout.strip())


def run(pack: str = "tiktok-2020") -> dict[str, float]:
    with tempfile.TemporaryDirectory() as data_dir:
        _once("bare", [])  # warm the file and bytecode caches so neither side pays for the first run
        _once("app", [pack, data_dir])
        bare, app = [], []
        for _ in range(RUNS):  # interleaved, so machine noise hits both alike
            bare.append(_once("bare", []))
            app.append(_once("app", [pack, data_dir]))
    return {
        "startup_app_s": round(statistics.median(app), 4),
        "startup_bare_s": round(statistics.median(bare), 4),
        "startup_ratio": round(statistics.median(app) / statistics.median(bare), 3),
    }
