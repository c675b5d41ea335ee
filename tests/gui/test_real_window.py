"""One real window on a virtual X screen: the app starts, shows its title, and takes keys."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
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


def window_name(env: dict, name: str = "Divestiture Lab") -> str:
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name], capture_output=True, text=True, env=env)
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


@contextlib.contextmanager
def window_manager(display: str) -> Iterator[dict]:
    """openbox on `display`, which gives windows a frame and a title bar: the environment to run a window in."""
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


@pytest.fixture
def desktop(display):
    """The virtual screen with a window manager."""
    with window_manager(display) as env:
        yield env


def frame_geometry(env: dict, name: str = "Divestiture Lab") -> tuple[int, int, int, int] | None:
    """x, y, width, height of the app's window with its frame, as the X server has it."""
    found = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", name], capture_output=True, text=True, env=env)
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


def test_pack_editor_fits_a_1280x800_screen_and_closes_on_ctrl_w(desktop, tmp_path):
    """The editor prefers more room than the student's window; on a small screen it still fits."""
    pack = Path(shutil.copy(MINI_PACK, tmp_path / "mini.json"))
    app = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "edit-pack", str(pack), "--data-dir", str(tmp_path / "data")], env=desktop, cwd=ROOT)
    try:
        assert poll(lambda: window_name(desktop, "Pack editor")) == "Pack editor — Mini pack (synthetic) — no problems"
        time.sleep(1.5)  # the frame arrives, then the window is fitted to it
        x, y, width, height = poll(lambda: frame_geometry(desktop, "Pack editor"))
        assert x >= 0 and y >= 0 and x + width <= 1280 and y + height <= 800, (x, y, width, height)
        # not checked: the window is gone before xdotool is done with it, and it says so
        subprocess.run(["xdotool", "search", "--onlyvisible", "--name", "Pack editor", "windowfocus", "--sync", "key", "ctrl+w"], env=desktop,
                       stderr=subprocess.DEVNULL)
        assert app.wait(20) == 0  # nothing unsaved: it closes without asking
    finally:
        if app.poll() is None:
            app.terminate()
            app.wait(10)


STALE_CHART_SCRIPT = """
import sys, tempfile, pathlib
import numpy as np
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from gui.app.application import build_window
from gui.charts.charts_view import BALANCE, TIMELINE
from scenario.pack import load_pack

def settle():  # let every timer and paint of the moment run, as a person's pause would
    for _ in range(3):
        loop = QEventLoop(); QTimer.singleShot(300, loop.quit); loop.exec()

def on_screen(canvas):  # what the X server shows, not what the widget would paint if asked
    top = canvas.mapToGlobal(canvas.rect().topLeft())
    return np.array(canvas.screen().grabWindow(0, top.x(), top.y(), canvas.width(), canvas.height()).toImage().constBits()).reshape(-1, 4)

folder = pathlib.Path(tempfile.mkdtemp())
window = build_window(folder, 'light', load_pack(sys.argv[1]))
window.show()
charts = window.workspace.charts
window.workspace.tabs.setCurrentWidget(charts)
settle()
for suffix in ('svg', 'png'):
    charts.choice.setCurrentIndex(BALANCE)
    settle()
    charts.panel.export(folder / f'balance.{suffix}')
    settle()
    charts.choice.setCurrentIndex(TIMELINE)
    settle()
    shown = on_screen(charts.panel.canvas)
    charts.panel.canvas.draw()
    settle()
    print(suffix, np.mean(np.any(shown != on_screen(charts.panel.canvas), axis=1)))  # share of pixels that differ
window.close()
"""


def test_after_save_image_the_chart_chosen_next_reaches_the_screen(display, tmp_path):
    """Issue 13 item 7, seen only on a real screen: after Save image on Argument balance,
    choosing Timeline left the balance on screen (Show data already had the timeline's)."""
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb", DIVESTITURE_LAB_DATA_DIR=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", STALE_CHART_SCRIPT, str(MINI_PACK)], env=env, cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    shares = dict(line.split() for line in out.stdout.splitlines())
    assert set(shares) == {"svg", "png"}, out.stdout + out.stderr
    # A stale canvas differs from the timeline over whole regions (3% of the mini pack's mostly
    # white charts); a second draw of the same chart, by a few pixels where constrained layout settles.
    assert all(float(share) < 0.001 for share in shares.values()), shares


@pytest.fixture
def full_hd() -> dict:
    """A 1920x1080 virtual screen with a window manager, on a display number Xvfb picks (free
    whatever else is running), as the screen of a school laptop."""
    if not shutil.which("openbox"):
        pytest.skip("needs openbox (apt-get install openbox)")
    server = subprocess.Popen(["Xvfb", "-displayfd", "1", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    try:
        with window_manager(f":{server.stdout.readline().strip()}") as env:
            yield env
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
