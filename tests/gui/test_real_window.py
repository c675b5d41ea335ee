"""One real window on a virtual X screen: the app starts, shows its title, and takes keys."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import MINI_PACK

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.xvfb

if not (shutil.which("Xvfb") and shutil.which("xdotool")):
    pytest.skip("real-window tests need Xvfb and xdotool (apt-get install xvfb xdotool); CI installs them", allow_module_level=True)


def poll(what, timeout: float = 30.0):
    """Wait for another process's window: there is no Qt signal across processes to wait on."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = what()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError("timed out")


@pytest.fixture
def display():
    name = f":{200 + os.getpid() % 500}"
    server = subprocess.Popen(["Xvfb", name, "-screen", "0", "1280x800x24", "-nolisten", "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        poll(lambda: Path(f"/tmp/.X11-unix/X{name[1:]}").exists(), 10)
        yield name
    finally:
        server.terminate()
        server.wait(5)


def window_name(env: dict) -> str:
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "Divestiture Lab"], capture_output=True, text=True, env=env)
    if found.returncode != 0 or not found.stdout.split():
        return ""
    wid = found.stdout.split()[0]
    return subprocess.run(["xdotool", "getwindowname", wid], capture_output=True, text=True, env=env).stdout.strip()


def test_main_window_appears_with_its_title_and_steps_on_a_key(display, tmp_path):
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    app = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--pack", str(MINI_PACK), "--data-dir", str(tmp_path)], env=env, cwd=ROOT)
    try:
        assert poll(lambda: window_name(env)) == "Mini pack (synthetic): 1 Jan 2030 — Divestiture Lab"
        # bare Xvfb has no window manager to activate windows: give the window focus directly
        subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "Divestiture Lab", "windowfocus", "--sync", "key", "Right"], env=env, check=True)
        assert poll(lambda: "5 Jan 2030" in window_name(env))
    finally:
        app.terminate()
        app.wait(10)


@pytest.fixture
def desktop(display):
    """The virtual screen with a window manager, which gives windows a frame and a title bar."""
    if not shutil.which("openbox"):
        pytest.skip("needs openbox (apt-get install openbox)")
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    wm = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(0.5)
    try:
        yield env
    finally:
        wm.terminate()
        wm.wait(5)


def frame_geometry(env: dict) -> tuple[int, int, int, int] | None:
    """x, y, width, height of the app's window with its frame, as the X server has it."""
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "Divestiture Lab"], capture_output=True, text=True, env=env)
    if found.returncode != 0 or not found.stdout.split():
        return None
    info = subprocess.run(["xwininfo", "-frame", "-id", found.stdout.split()[0]], capture_output=True, text=True, env=env).stdout
    fields = dict(line.strip().split(":", 1) for line in info.splitlines() if ":" in line)
    try:
        return tuple(int(fields[k].strip()) for k in ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height"))
    except (KeyError, ValueError):
        return None


def test_first_window_fits_a_1280x800_screen_frame_included(desktop, tmp_path):
    """The 1280x800 Xvfb screen of `display`: the window, title bar and status bar all on it."""
    app = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--pack", str(MINI_PACK), "--data-dir", str(tmp_path)], env=desktop, cwd=ROOT)
    try:
        poll(lambda: window_name(desktop))
        time.sleep(1.5)  # the frame arrives, then the window is fitted to it
        x, y, width, height = poll(lambda: frame_geometry(desktop))
        assert x >= 0 and y >= 0 and x + width <= 1280 and y + height <= 800, (x, y, width, height)
        assert width >= 1200 and height >= 700, "and it still uses the screen"
    finally:
        app.terminate()
        app.wait(10)


@pytest.fixture
def full_hd() -> dict:
    """A 1920x1080 virtual screen with a window manager, on a display number Xvfb picks (free
    whatever else is running), as the screen of a school laptop."""
    if not shutil.which("openbox"):
        pytest.skip("needs openbox (apt-get install openbox)")
    server = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        env = dict(os.environ, DISPLAY=f":{server.stdout.readline().strip()}", QT_QPA_PLATFORM="xcb")
        wm = subprocess.Popen(["openbox"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(0.5)
        try:
            yield env
        finally:
            wm.terminate()
            wm.wait(5)
    finally:
        server.terminate()
        server.wait(5)
        server.stdout.close()


@pytest.mark.parametrize("scale, points", [("1.5", None), ("1", 14.0)], ids=["150 percent", "14 pt font"])
def test_at_150_percent_or_a_14_pt_font_nothing_is_cut_or_off_screen(full_hd, tmp_path, scale, points):
    """WCAG 1.4.4 Resize text: every tab of a busy day, with the text larger (tests/gui/window_fit.py
    lists what it checks: labels and buttons that need more room than they have, widgets outside
    the window, tabs scrolled out of sight, the status bar)."""
    command = [sys.executable, "-m", "tests.gui.window_fit", str(tmp_path / "data")] + (["--font-points", str(points)] if points else [])
    done = subprocess.run(command, env=dict(full_hd, QT_SCALE_FACTOR=scale), cwd=ROOT, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["misfits"] == [], f"window {result['size']}:\n" + "\n".join(result["misfits"])
