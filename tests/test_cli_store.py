"""The data folder from the command line: export and import, a second copy, damaged and newer databases."""

from __future__ import annotations

import json
import sqlite3

from scenario.record import AssumptionValue, ScenarioRecord
from store.connection import open_store
from store.paths import database_path
from tests.conftest import MINI_PACK
from tests.test_cli import run


def saved_scenario(data_dir, name: str = "Mine") -> None:
    with open_store(data_dir) as store:
        scenario_id = store.create(ScenarioRecord(name=name, pack_id="tiktok-2020"))
        store.save_assumption(scenario_id, "p-deal", AssumptionValue(value=0.3, note="<b>n</b>"), None)


def test_export_then_import_round_trips(tmp_path):
    source, target = tmp_path / "a", tmp_path / "b"
    saved_scenario(source)
    out = tmp_path / "mine.json"
    exported = run("export", "Mine", "--out", str(out), "--data-dir", str(source))
    assert exported.returncode == 0, exported.stderr
    imported = run("import", str(out), "--data-dir", str(target))
    assert imported.returncode == 0, imported.stderr
    with open_store(target) as store:
        record = store.load(store.find("Mine"))
    assert record.assumptions["p-deal"] == AssumptionValue(value=0.3, note="<b>n</b>")


def test_import_of_a_bad_file_is_one_line_and_changes_nothing(tmp_path):
    data = tmp_path / "d"
    saved_scenario(data)
    before = database_path(data).read_bytes()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "divestiture-lab/scenario", "version": 1, "nonsense": True}))
    result = run("import", str(bad), "--data-dir", str(data))
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and str(bad) in result.stderr
    with open_store(data) as store:
        assert [s.name for s in store.list_scenarios()] == ["Mine"]
    assert len(before) > 0


def test_a_second_copy_says_so_and_leaves_the_database_alone(tmp_path):
    data = tmp_path / "d"
    saved_scenario(data)
    with open_store(data):
        before = database_path(data).read_bytes()
        result = run("--pack", str(MINI_PACK), "--screenshot", str(tmp_path / "x.png"), "--data-dir", str(data))
        assert database_path(data).read_bytes() == before
    assert result.returncode == 1
    assert "already running with this data folder" in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_a_damaged_database_is_moved_aside_and_the_app_starts(tmp_path):
    data = tmp_path / "d"
    data.mkdir()
    database_path(data).write_bytes(b"this is not a database" * 100)
    result = run("--pack", str(MINI_PACK), "--screenshot", str(tmp_path / "x.png"), "--data-dir", str(data))
    assert result.returncode == 0, result.stderr
    assert "was damaged" in result.stderr and "moved" in result.stderr
    moved = [p for p in data.rglob("*") if p.is_file() and p.read_bytes().startswith(b"this is not a database")]
    assert moved, "the damaged file is kept, never deleted"


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path):
    data = tmp_path / "d"
    saved_scenario(data)
    conn = sqlite3.connect(database_path(data))
    conn.execute("PRAGMA user_version = 999")
    conn.close()
    before = database_path(data).read_bytes()
    result = run("--pack", str(MINI_PACK), "--screenshot", str(tmp_path / "x.png"), "--data-dir", str(data))
    assert result.returncode == 1
    assert "newer version of Divestiture Lab" in result.stderr
    assert database_path(data).read_bytes() == before


def test_import_in_an_ascii_locale_reports_a_non_ascii_name_once(tmp_path):
    """LC_ALL=POSIX with UTF-8 coercion off: the import used to succeed, then crash printing the name."""
    import os
    import subprocess
    import sys

    from tests.test_cli import ROOT

    source, target = tmp_path / "a", tmp_path / "b"
    saved_scenario(source, name="Ana López")
    out = tmp_path / "ana.json"
    assert run("export", "Ana López", "--out", str(out), "--data-dir", str(source)).returncode == 0
    env = {**os.environ, "LC_ALL": "POSIX", "PYTHONCOERCECLOCALE": "0", "PYTHONUTF8": "0", "PYTHONIOENCODING": ""}
    result = subprocess.run([sys.executable, str(ROOT / "main.py"), "import", str(out), "--data-dir", str(target)],
                            capture_output=True, env=env, timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert b"imported" in result.stdout and b"Traceback" not in result.stderr
    with open_store(target) as store:
        assert [s.name for s in store.list_scenarios()] == ["Ana López"]
