"""The command line as a user meets it: one clear line and exit 2 for mistakes, no traceback."""

from __future__ import annotations

import os
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import MINI_PACK

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run([sys.executable, str(ROOT / "main.py"), *args], capture_output=True, text=True, timeout=timeout, env=env, cwd=ROOT)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--bogus"], "divestiture-lab: error: unrecognized arguments: --bogus (see --help)"),
        (["--pack", "no-such-pack"], "divestiture-lab: error: cannot open pack: no-such-pack: no pack file or pack id by that name"),
        (["--pack", str(MINI_PACK), "--date", "2030-13-01"], "divestiture-lab: error: argument --date: date must be YYYY-MM-DD, not '2030-13-01' (see --help)"),
        (["--pack", str(MINI_PACK), "--date", "2031-01-01"], "divestiture-lab: error: date 2031-01-01 is outside the pack's range 2030-01-01 to 2030-03-31"),
        (["--date", "2030-01-01"], "divestiture-lab: error: --date needs --pack"),
        (["--size", "huge"], "divestiture-lab: error: argument --size: size must look like 1280x800, not 'huge' (see --help)"),
    ],
)
def test_mistakes_give_one_line_and_exit_2(args, message):
    result = run(*args)
    assert result.returncode == 2
    assert result.stderr.startswith(message)
    assert result.stderr.count("\n") == 1 and "Traceback" not in result.stderr


def test_an_invalid_pack_file_names_the_problem(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": 1}')
    result = run("--pack", str(bad))
    assert result.returncode == 2
    assert result.stderr == f"divestiture-lab: error: cannot open pack: {bad}: Object missing required field `id`\n"


def test_version_and_help():
    assert run("--version").stdout.strip() == "divestiture-lab 0.1.0"
    help_text = run("--help").stdout
    assert "--screenshot OUT.png" in help_text and "validate-pack" in help_text


def test_validate_pack_exit_codes(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": 1, "id": "BAD ID"}')
    good = run("validate-pack", str(MINI_PACK))
    assert (good.returncode, good.stdout) == (0, f"{MINI_PACK}: ok\n")
    mixed = run("validate-pack", str(MINI_PACK), str(bad))
    assert mixed.returncode == 1
    assert f"{bad}: id: Expected `str` matching regex" in mixed.stdout
    assert run("validate-pack").returncode == 2


def test_screenshot_writes_a_png_of_the_requested_size(tmp_path):
    out = tmp_path / "shot.png"
    result = run("--pack", str(MINI_PACK), "--date", "2030-02-02", "--screenshot", str(out), "--size", "1024x700", "--data-dir", str(tmp_path / "d"))
    assert result.returncode == 0, result.stderr
    header = out.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    assert struct.unpack(">II", header[16:24]) == (1024, 700)


def test_edit_pack_screenshot_writes_a_png_of_the_editor(tmp_path):
    out = tmp_path / "editor.png"
    result = run("edit-pack", str(MINI_PACK), "--screenshot", str(out), "--size", "1100x700", "--theme", "dark", "--data-dir", str(tmp_path / "d"))
    assert result.returncode == 0, result.stderr
    assert struct.unpack(">II", out.read_bytes()[16:24]) == (1100, 700)
    assert not (tmp_path / "d" / "scenarios.sqlite3").exists()  # the editor opens no student database


def test_edit_pack_on_a_file_that_is_not_json_says_so_and_exits_2(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{nope")
    result = run("edit-pack", str(bad), "--screenshot", str(tmp_path / "x.png"), "--data-dir", str(tmp_path / "d"))
    assert result.returncode == 2 and f"cannot open pack: {bad}: not valid JSON" in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_no_home_folder_at_all_is_one_line_asking_for_a_data_folder(tmp_path) -> None:
    """HOME unset and no account entry (a service, a bare container): exit 2, no traceback."""
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    script = ("import os, sys; os.path.expanduser = lambda p: p; sys.argv = ['divestiture-lab', 'export', 'x', '--out', 'y'];"
              "import main; sys.exit(main.main())")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60, env=env, cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.startswith("divestiture-lab: error: cannot tell where to keep your data")
