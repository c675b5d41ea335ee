"""What a class hands in and the teacher opens: submission and report from the window, the
class view from the File menu, and `class-report` from the command line."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QFileDialog, QInputDialog

from gui.actions import classroom_actions
from gui.teacher.class_window import ClassWindow
from scenario.pack import find_pack
from scenario.record import Forecast, ScenarioRecord
from scenario.resources import PACKS_DIR
from scenario.submission import decode_submission, encode_submission
from tests.test_cli import run

D = dt.date


def test_export_submission_writes_a_file_the_teacher_can_read(window, monkeypatch, tmp_path):
    document = window.document
    document.set_date(D(2030, 1, 5))
    window.workspace.forecasts.refresh()
    window.editor.edit_forecast(document.loaded.pack.questions[0], Forecast(probability=0.3, made_on=D(2030, 1, 5)))
    out = tmp_path / "alex.json"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Alex <b>B</b>", True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    classroom_actions.export_submission(window)
    submission = decode_submission(out.read_bytes(), out, document.loaded.pack, document.loaded.digest)
    assert submission.student == "Alex <b>B</b>"
    assert submission.record.forecasts["q-sold"].probability == 0.3
    assert not submission.warnings


def test_export_report_writes_a_pdf(window, monkeypatch, tmp_path):
    out = tmp_path / "report.pdf"
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Alex B", True))  # the report names the student too
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    classroom_actions.export_report(window)
    assert out.read_bytes()[:5] == b"%PDF-"


def test_open_class_folder_opens_the_class_window(window, monkeypatch, tmp_path, qtbot):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path))
    opened = []
    monkeypatch.setattr(ClassWindow, "open_paths", lambda self, paths, packs_dirs: opened.append((paths, packs_dirs)))
    classroom_actions.open_class(window, folder=True)
    assert opened == [([str(tmp_path)], window.document.packs_dirs)]
    assert isinstance(window.class_windows[0], ClassWindow) and window.class_windows[0].isVisible()


def test_class_report_command_line(tmp_path):
    pack = find_pack("tiktok-2020", PACKS_DIR)
    record = ScenarioRecord(name="Run", pack_id="tiktok-2020", mode="classroom")
    good = tmp_path / "good.json"
    good.write_bytes(encode_submission(record, pack, "Sam", dt.datetime(2026, 11, 1, tzinfo=dt.timezone.utc)))
    bad = tmp_path / "bad.json"
    bad.write_text("[" * 10000)
    out = tmp_path / "class.pdf"
    result = run("class-report", str(good), str(bad), "--out", str(out), "--csv", str(tmp_path / "t.csv"), "--anonymise")
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("\n") == 1 and "bad.json" in result.stderr
    assert out.read_bytes()[:5] == b"%PDF-" and "Sam" not in (tmp_path / "t.csv").read_text()
    none_read = run("class-report", str(bad), "--out", str(tmp_path / "x.pdf"))
    assert none_read.returncode == 2


def test_closing_the_main_window_closes_class_windows_first(window, monkeypatch, tmp_path, packs_dir, qtbot):
    from tests.submissions import write_class

    write_class(tmp_path / "class", 200)
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(tmp_path / "class"))
    classroom_actions.open_class(window, folder=True)
    class_window = window.class_windows[0]
    window.close()  # while the class may still be loading
    assert not class_window.isVisible()
    assert not class_window.working()


def _export(window, monkeypatch, out):
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Alex", True))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    classroom_actions.export_submission(window)
    return decode_submission(out.read_bytes(), out, window.document.loaded.pack, window.document.loaded.digest)


def test_a_submission_says_when_on_the_wall_clock_the_student_revealed(window, monkeypatch, tmp_path):
    from scenario.classroom import aggregate
    from scenario.student_work import student_work

    document = window.document
    document.start_scenario(document.loaded, "Class exercise", mode="classroom")
    document.set_date(D(2030, 1, 20))
    assert _export(window, monkeypatch, tmp_path / "before.json").content.revealed_on is None
    when = dt.datetime(2030, 5, 4, 10, 30, tzinfo=dt.timezone.utc)
    monkeypatch.setattr("gui.document.edits.utc_now", lambda: when)
    document.reveal()
    submission = _export(window, monkeypatch, tmp_path / "after.json")
    assert submission.record.revealed_at == D(2030, 1, 20) and submission.content.revealed_on == when
    result = aggregate(document.loaded.pack, [submission])
    facts = dict(student_work(result, result.rows[0]).facts)
    assert facts["Reveal"].startswith("Revealed the answers on scenario date Sun 20 Jan 2030 (at 2030-05-04 10:30 UTC)")
    sid = document.scenario_id
    document.open_scenario(sid)  # as after a restart: read back from the store
    assert document.revealed_on == when


def test_a_clock_that_cannot_be_read_still_lets_the_student_reveal(window, monkeypatch, tmp_path):
    def broken() -> dt.datetime:
        raise OverflowError("timestamp out of range for platform time_t")

    document = window.document
    document.start_scenario(document.loaded, "Class exercise", mode="classroom")
    monkeypatch.setattr("gui.document.edits.utc_now", broken)
    document.reveal()
    assert document.record.revealed_at is not None and document.revealed_on is None
    assert document.store.load(document.scenario_id).revealed_at is not None
