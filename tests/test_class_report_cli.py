"""`class-report` from the command line: exit codes, one stderr line per bad file, the files it writes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from cli import class_report_command
from tests.submissions import hostile_files, submission_bytes, write_class


def test_good_and_bad_files(tmp_path: Path, packs_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_class(tmp_path / "class", 5, hostile_files())
    out, table = tmp_path / "report.pdf", tmp_path / "table.csv"
    assert class_report_command([str(tmp_path / "class")], out, table, False, [packs_dir]) == 0
    captured = capsys.readouterr()
    lines = captured.err.splitlines()
    assert len(lines) == 6 and all(line.startswith("divestiture-lab: skipped ") for line in lines)
    assert any("deep.json" in line and "nested 10002 deep" in line for line in lines)
    assert any("latin1.json" in line and "not UTF-8" in line for line in lines)
    assert "5 submissions read, 6 skipped" in captured.out
    assert out.read_bytes().startswith(b"%PDF") and "Pupil 004" in table.read_text(encoding="utf-8-sig")


def test_anonymised_csv_has_no_names(tmp_path: Path, packs_dir: Path) -> None:
    files = write_class(tmp_path / "class", 3)
    table = tmp_path / "table.csv"
    assert class_report_command([str(p) for p in files], tmp_path / "r.pdf", table, True, [packs_dir]) == 0
    text = table.read_text(encoding="utf-8-sig")
    assert "Pupil" not in text and "student-" not in text and "Student 3" in text


def test_no_readable_file_exits_2(tmp_path: Path, packs_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"<html><img src=x onerror=alert(1)></html>")
    out = tmp_path / "report.pdf"
    assert class_report_command([str(bad), str(tmp_path / "missing")], out, None, False, [packs_dir]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"divestiture-lab: skipped {tmp_path / 'missing'}: no such file or folder"
    assert f"skipped {bad}: not valid JSON" in err[1]
    assert err[-1].startswith("divestiture-lab: error: no submission could be read")
    assert not out.exists()


def test_a_hostile_name_is_written_as_text(tmp_path: Path, packs_dir: Path) -> None:
    path = tmp_path / "evil.json"
    path.write_bytes(submission_bytes(1, student='=HYPERLINK("http://x")<img src=x>'))
    table = tmp_path / "t.csv"
    assert class_report_command([str(path)], tmp_path / "r.pdf", table, False, [packs_dir]) == 0
    assert "'=HYPERLINK" in table.read_text(encoding="utf-8-sig")  # not a live formula in a spreadsheet


def test_an_unwritable_output_exits_1(tmp_path: Path, packs_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = write_class(tmp_path / "class", 1)
    assert class_report_command([str(files[0])], tmp_path / "no-such-dir" / "r.pdf", None, False, [packs_dir]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_missing_pack_is_a_skip_reason(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    files = write_class(tmp_path / "class", 1)
    empty = tmp_path / "nopacks"
    empty.mkdir()
    assert class_report_command([str(files[0])], tmp_path / "r.pdf", None, False, [empty]) == 2
    assert "needs pack 'mini', which is not installed" in capsys.readouterr().err


CLASS = Path(__file__).resolve().parent / "data" / "class-1.1"


def _packs() -> list[Path]:
    from scenario.resources import PACKS_DIR

    return [PACKS_DIR]


def test_a_folder_of_two_packs_reports_on_one_and_names_the_other(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out, grades = tmp_path / "r.pdf", tmp_path / "grades.csv"
    assert class_report_command([str(CLASS)], out, None, False, _packs(), gradebook=grades) == 0
    captured = capsys.readouterr()
    assert "5 submissions read, 0 skipped; pack 'tiktok-2020'" in captured.out
    assert captured.err.strip() == "divestiture-lab: 2 submissions are for pack 'tiktok-2024': report on them with --pack tiktok-2024"
    rows = grades.read_bytes().decode("utf-8-sig").splitlines()
    assert rows[0].startswith("Name,Mean Brier score,") and len(rows) == 6
    assert class_report_command([str(CLASS)], out, None, False, _packs(), pack_id="tiktok-2024") == 0
    assert "2 submissions read, 0 skipped; pack 'tiktok-2024'" in capsys.readouterr().out
    assert class_report_command([str(CLASS)], out, None, False, _packs(), pack_id="nope") == 2
    assert "no submission is for pack 'nope' (the files are for tiktok-2020, tiktok-2024)" in capsys.readouterr().err


def test_the_command_line_takes_the_new_options(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cli import run_command

    grades, table = tmp_path / "g.csv", tmp_path / "t.csv"
    code = run_command("class-report", [str(CLASS), "--out", str(tmp_path / "r.pdf"), "--pack", "tiktok-2020", "--csv", str(table),
                                        "--gradebook", str(grades), "--include-explore", "--anonymise"])
    assert code == 0
    assert "Ana" not in grades.read_text(encoding="utf-8-sig") + table.read_text(encoding="utf-8-sig")
    assert "Explore" in table.read_text(encoding="utf-8-sig")


def test_debrief_writes_one_landscape_page_per_checkpoint(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cli import run_command

    out = tmp_path / "slides.pdf"
    assert run_command("debrief", [str(CLASS), "--out", str(out), "--date", "2020-08-25"]) == 0
    captured = capsys.readouterr()
    [summary] = captured.out.splitlines()
    checkpoints, pages = (int(n) for n in re.search(r"(\d+) checkpoints on (\d+) pages", summary).groups())
    assert pages == checkpoints == 19
    data = out.read_bytes()
    assert data.startswith(b"%PDF") and re.search(rb"/MediaBox \[0 0 842[.0]* 595[.0]*\]", data)  # A4 landscape
    assert "debrief them with --pack tiktok-2024" in captured.err


def test_debrief_without_readable_files_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from cli import run_command

    bad = tmp_path / "bad.json"
    bad.write_bytes(b"{}")
    assert run_command("debrief", [str(bad), "--out", str(tmp_path / "s.pdf")]) == 2
    err = capsys.readouterr().err
    assert f"skipped {bad}:" in err and "no submission could be read" in err and not (tmp_path / "s.pdf").exists()
