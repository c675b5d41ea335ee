"""PDF reports: they are written, have a sensible number of pages, and escape every value from a file."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
from pathlib import Path

import msgspec
import pytest

import gui.report.classroom
import gui.report.student
from gui.report import class_report, student_report
from scenario.classroom import Skipped, aggregate
from scenario.pack import LoadedPack
from scenario.record import ArgumentWeight, AssumptionValue, ScenarioRecord
from scenario.submission import Submission, decode_submission
from tests.submissions import mini, submission_bytes

EVIL = '<b>x</b> <img src="file:///etc/passwd">'


def pages(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", path.read_bytes()))


@pytest.fixture(scope="module")
def loaded() -> LoadedPack:
    return mini()


@pytest.fixture
def captured(monkeypatch) -> list[str]:
    """The HTML of every report written, as well as the PDF."""
    html: list[str] = []
    for module in (gui.report.student, gui.report.classroom):
        real = module.write_pdf
        monkeypatch.setattr(module, "write_pdf", lambda page, *rest, real=real: (html.append(page), real(page, *rest)))
    return html


def _submission(loaded: LoadedPack, n: int, student: str | None = None) -> Submission:
    return decode_submission(submission_bytes(n, student=student, pack=loaded), f"/class/{n}.json", loaded.pack, loaded.digest)


def test_student_report_from_a_submission(qapp, tmp_path: Path, loaded: LoadedPack, captured: list[str]) -> None:
    evil = _submission(loaded, 3, student=EVIL)
    record = msgspec.structs.replace(evil.record, answers={"p-1": EVIL}, weights={"a-for-1": ArgumentWeight(weight=3, note=EVIL)},
                                     assumptions={"users": AssumptionValue(value=80, note=EVIL)})
    evil = Submission(evil.file, msgspec.structs.replace(evil.content, scenario=record), ("made with a different <i>pack</i>",))
    out = tmp_path / "student.pdf"
    student_report(evil, loaded.pack, out)
    assert out.read_bytes().startswith(b"%PDF") and 1 <= pages(out) <= 5
    [html] = captured
    assert "<b>x</b>" not in html and '<img src="file' not in html and "<i>pack" not in html
    assert html.count("&lt;b&gt;x&lt;/b&gt; &lt;img src=&quot;file:///etc/passwd&quot;&gt;") == 4  # name, answer, weight note, assumption note
    assert "0.562" in html and "Yes, on scenario date Fri 1 Feb 2030 (at 2030-03-30 09:15 UTC)" in html


def test_student_report_from_a_bare_record_mid_exercise(qapp, tmp_path: Path, loaded: LoadedPack, captured: list[str]) -> None:
    record = msgspec.structs.replace(_submission(loaded, 1).record, name=EVIL)
    out = tmp_path / "record.pdf"
    student_report(record, loaded.pack, out, as_of=dt.date(2030, 2, 1))
    assert 1 <= pages(out) <= 5
    [html] = captured
    assert "not yet resolved" in html and "No forecast can be scored yet" in html and "<b>x</b>" not in html


def test_an_empty_record_still_makes_a_report(qapp, tmp_path: Path, loaded: LoadedPack) -> None:
    out = tmp_path / "empty.pdf"
    student_report(ScenarioRecord(name="Empty", pack_id="mini"), loaded.pack, out)
    assert pages(out) == 1


def test_class_report_of_500(qapp, tmp_path: Path, loaded: LoadedPack, captured: list[str]) -> None:
    subs = [_submission(loaded, n, student=EVIL if n == 7 else None) for n in range(500)]
    result = aggregate(loaded.pack, subs, [Skipped("/class/<img src=x>.json", "not valid JSON <script>")])
    out = tmp_path / "class.pdf"
    class_report(result, out, anonymise=False)
    assert 510 <= pages(out) <= 560  # the class (10 to 40 pages), then one page per student
    [html] = captured
    assert "<b>x</b>" not in html and "<img src=x>" not in html and "<script>" not in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html and "/class/&lt;img src=x&gt;.json" in html
    assert html.count("chart:") == 4


def test_anonymised_class_report_names_no_one(qapp, tmp_path: Path, loaded: LoadedPack, captured: list[str]) -> None:
    result = aggregate(loaded.pack, [_submission(loaded, n) for n in range(5)], [Skipped("/class/ada.json", "not valid JSON")])
    class_report(result, tmp_path / "anon.pdf", anonymise=True)
    [html] = captured
    assert "Pupil" not in html and "/class/" not in html and "ada" not in html
    assert "Student 5" in html and "File 1" in html and "Anonymised" in html


def test_importing_the_report_and_class_window_loads_no_matplotlib() -> None:
    code = "import sys, gui.report, gui.teacher.class_window, cli; print('matplotlib' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parents[2], check=True)
    assert result.stdout.strip() == "False"


def test_the_student_report_takes_settled_nodes_as_the_window_does(qapp, tmp_path: Path, mini_json, write_pack, captured: list[str]) -> None:
    from scenario.pack import load_pack

    mini_json["outcome_model"]["nodes"][1]["settled_by"] = [{"event": "e-injunction", "answer": True}]
    pack = load_pack(write_pack(mini_json)).pack
    record = ScenarioRecord(name="S", pack_id="mini", assumptions={"p-court": AssumptionValue(value=0.2)})
    student_report(record, pack, tmp_path / "before.pdf", as_of=dt.date(2030, 2, 9))
    student_report(record, pack, tmp_path / "after.pdf", as_of=dt.date(2030, 2, 10))
    before, after = captured
    assert "overtaken by events" not in before and "Settled on" not in before
    assert "you (overtaken by events)" in after
    assert "Do courts block it? Yes. Settled on Sun 10 Feb 2030: Court blocks Order 1." in after
    assert re.search(r"Ban enforced</td>\s*<td[^>]*>0(\.0)?<", after), "the ban outcome reads 0% once the courts have blocked it"
