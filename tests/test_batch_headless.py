"""Batch commands run where there is no display at all: a teacher's server, a session over ssh.

Each runs in a child process whose environment has neither DISPLAY, WAYLAND_DISPLAY nor
QT_QPA_PLATFORM, so Qt's default platform (xcb) cannot start: the command must choose the
offscreen platform itself when it needs Qt.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINI_PACK
from tests.submissions import write_class
from tests.test_cli_store import saved_scenario
from tests.test_cli import ROOT

NO_DISPLAY = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def run_without_display(*args: str, data_dir: Path) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key not in NO_DISPLAY}
    env["DIVESTITURE_LAB_DATA_DIR"] = str(data_dir)
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=120, env=env, cwd=ROOT)


def test_class_report_writes_a_pdf_with_no_display(tmp_path: Path, packs_dir: Path) -> None:
    files = write_class(tmp_path / "class", 3)
    out = tmp_path / "report.pdf"
    data = tmp_path / "data"
    (data / "packs").mkdir(parents=True)
    (data / "packs" / "mini.json").write_bytes(MINI_PACK.read_bytes())  # the mini pack, as a teacher's kept pack
    result = run_without_display("class-report", *map(str, files), "--out", str(out), "--data-dir", str(data), data_dir=data)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    assert "3 submissions read" in result.stdout


def test_validate_pack_needs_no_display(tmp_path: Path) -> None:
    result = run_without_display("validate-pack", str(MINI_PACK), data_dir=tmp_path)
    assert result.returncode == 0 and result.stdout.strip() == f"{MINI_PACK}: ok"


def test_export_and_import_need_no_display(tmp_path: Path) -> None:
    source, target, out = tmp_path / "a", tmp_path / "b", tmp_path / "mine.json"
    saved_scenario(source)
    exported = run_without_display("export", "Mine", "--out", str(out), "--data-dir", str(source), data_dir=source)
    assert exported.returncode == 0, exported.stderr
    imported = run_without_display("import", str(out), "--data-dir", str(target), data_dir=target)
    assert imported.returncode == 0, imported.stderr


def test_handout_writes_the_sheet_and_its_json_with_no_display(tmp_path: Path) -> None:
    out, sheet = tmp_path / "sheet.pdf", tmp_path / "sheet.json"
    result = run_without_display("handout", "tiktok-2020", "--date", "2020-09-16", "--role", "r-buyer", "--out", str(out),
                                 "--json", str(sheet), data_dir=tmp_path)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"%PDF")
    data = json.loads(sheet.read_text(encoding="utf-8"))
    assert data["date"] == "2020-09-16" and data["role"]["id"] == "r-buyer"
    assert all(item["known"] <= "2020-09-16" for item in data["items"])


@pytest.mark.parametrize(("args", "message"), [
    (["no-such-pack", "--date", "2020-09-16"], "cannot open pack: no-such-pack"),
    (["tiktok-2020", "--date", "2030-01-01"], "outside the pack's range"),
    (["tiktok-2020", "--date", "2020-09-16", "--role", "r-nobody"], "has no role 'r-nobody'"),
    (["tiktok-2020", "--date", "16/09/2020"], "date must be YYYY-MM-DD"),
])
def test_handout_refuses_a_bad_pack_date_or_role_with_exit_2(tmp_path: Path, args: list[str], message: str) -> None:
    out = tmp_path / "sheet.pdf"
    result = run_without_display("handout", *args, "--out", str(out), data_dir=tmp_path)
    assert result.returncode == 2 and message in result.stderr and not out.exists()


def test_a_screenshot_whose_last_scenario_has_no_pack_says_so_instead_of_waiting_for_a_click(tmp_path: Path) -> None:
    """--screenshot runs with no one to click: a pack error goes to stderr, never into a modal box."""
    from scenario.record import ScenarioRecord
    from store.connection import open_store

    data = tmp_path / "data"
    with open_store(data) as store:
        store.set_last_opened(store.create(ScenarioRecord(name="Orphan", pack_id="gone-pack")))
    shot = tmp_path / "shot.png"
    env = {key: value for key, value in os.environ.items() if key not in NO_DISPLAY}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "--data-dir", str(data), "--screenshot", str(shot)],
                            capture_output=True, text=True, timeout=60, env={**env, "QT_QPA_PLATFORM": "offscreen"}, cwd=ROOT)
    assert result.returncode == 0 and shot.exists()
    assert "cannot open pack" in result.stderr and "gone-pack" in result.stderr
