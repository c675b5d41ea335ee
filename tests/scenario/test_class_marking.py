"""Fair marking and each student's work, without a display: flags, Explore mode, packs grouped, the
student's read-only sections, the table and gradebook CSVs. Uses the kept class files of tests/data/class-1.1."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from scenario.class_loader import ClassLoad, load_class
from scenario.class_table import GRADEBOOK_COLUMNS, STUDENT_COLUMNS, gradebook_csv, table_csv
from scenario.classroom import ClassAggregate, aggregate
from scenario.resources import PACKS_DIR
from scenario.student_work import student_work
from tests.submissions import mini, submission_bytes
from scenario.submission import decode_submission

DATA = Path(__file__).resolve().parents[1] / "data"
CLASS = DATA / "class-1.1"


@pytest.fixture(scope="module")
def load() -> ClassLoad:
    result = load_class([CLASS], [PACKS_DIR])
    assert result is not None
    return result


@pytest.fixture(scope="module")
def class_2020(load: ClassLoad) -> ClassAggregate:
    group = load.group("tiktok-2020")
    assert group is not None
    return group


def _row(result: ClassAggregate, name: str):
    return next(r for r in result.rows if r.name == name)


def test_the_kept_class_files_still_read(load: ClassLoad) -> None:
    """Made with app 0.1.0 and packs 1.1: later releases must keep reading them."""
    assert load.skipped == ()
    assert [(g.pack.id, len(g.rows)) for g in load.groups] == [("tiktok-2020", 5), ("tiktok-2024", 2)]
    assert load.aggregate is load.groups[0]


def test_a_folder_of_two_packs_is_grouped_not_skipped(tmp_path: Path, load: ClassLoad) -> None:
    assert sorted(r.name for r in load.group("tiktok-2024").rows) == ["Eve Martin", "Finn Berg"]
    assert not any("made for pack" in s.reason for s in load.skipped)
    # ties in size: the order does not depend on file names
    one_each = load_class([CLASS / "eve-2024.json", CLASS / "ana-lopez.json"], [PACKS_DIR])
    assert [g.pack.id for g in one_each.groups] == ["tiktok-2020", "tiktok-2024"]


def test_repeated_names_and_the_same_scenario_twice_are_flagged(class_2020: ClassAggregate) -> None:
    flags = {r.name: r.flags for r in class_2020.rows}
    assert flags["Ana López"] == flags["ana  lópez"] == ("Repeated name: 1 other file gives the same name",)
    [ben] = flags["Ben Okafor"]
    assert ben.startswith("Handed in twice: 1 other file holds the same scenario (content hash ") and flags["Cara Diaz"] == (ben,)
    assert flags["Dev Patel"] == ()
    assert not any("Ana" in f or "Ben" in f for fs in flags.values() for f in fs)  # a flag names no one


def test_files_from_another_pack_version_are_flagged() -> None:
    load = load_class([DATA / "pack-1.0-submissions"], [PACKS_DIR])
    rows = [r for g in load.groups for r in g.rows]
    assert len(rows) == 2
    assert all(any(f.startswith("Other pack version: made with another version of the pack") for f in r.flags) for r in rows)


def test_explore_mode_is_marked_and_kept_out_of_forecast_statistics(class_2020: ClassAggregate) -> None:
    explore = _row(class_2020, "ana  lópez")
    assert explore.mode == "explore" and explore.explore and explore.mean_brier is not None
    assert class_2020.explore_rows == 1 and not class_2020.include_explore
    lawsuit = next(q for q in class_2020.questions if q.question.id == "q-lawsuit")
    assert len(lawsuit.forecasts) == 4
    included = class_2020.with_explore(True)
    assert len(next(q for q in included.questions if q.question.id == "q-lawsuit").forecasts) == 5
    assert sum(b.count for b in included.calibration) == sum(b.count for b in class_2020.calibration) + 2
    assert included.mean_brier != class_2020.mean_brier
    assert [r.mean_brier for r in included.rows] == [r.mean_brier for r in class_2020.rows]  # rows keep their own scores
    assert class_2020.anonymised().with_explore(True).anonymous


def test_progress_counts_forecasts_and_the_roles_prompts(class_2020: ClassAggregate) -> None:
    ana = _row(class_2020, "Ana López")
    pack = class_2020.pack
    prompts = [p for p in pack.prompts if not p.roles or "r-nsc" in p.roles]
    assert (ana.answered, ana.asked) == (3, len(pack.questions) + len(prompts))
    assert ana.progress == pytest.approx(3 / ana.asked)


def test_a_students_work_has_everything_they_handed_in(class_2020: ClassAggregate) -> None:
    work = student_work(class_2020, _row(class_2020, "Ana López"))
    facts = dict(work.facts)
    assert work.label == "Ana López" and facts["Mode"].startswith("Classroom") and facts["Scenario"] == "Ana's run"
    assert facts["Role"] == next(r.title for r in class_2020.pack.roles if r.id == "r-nsc")
    assert facts["Reveal"] == "Did not reveal the answers" and facts["Flag"].startswith("Repeated name")
    sections = {s.title: s for s in work.sections}
    assert list(sections) == ["Assumptions", "Arguments weighed", "Forecasts", "Answers to prompts"]
    deal = next(r for r in sections["Assumptions"].rows if r[0] == next(a.label for a in class_2020.pack.assumptions if a.id == "p-deal"))
    assert deal[1:4] == ("70%", "50% to 90%", "Oracle talks <b>serious</b>")  # kept as text
    assert deal[4] == "Mon 3 Aug 2020: 50%; Mon 10 Aug 2020: 60%; Sun 20 Sep 2020: 70%"
    weights = sections["Arguments weighed"].rows
    assert {(w[3], w[4]) for w in weights} == {("4 of 5", "bipartisan"), ("2 of 5", "")}
    lawsuit = next(r for r in sections["Forecasts"].rows if r[3] == "TikTok said it would sue")
    assert lawsuit[1:3] == ("80%", "Mon 10 Aug 2020") and lawsuit[4] in ("yes", "no") and float(lawsuit[5]) >= 0
    answers = dict(sections["Answers to prompts"].rows)
    assert "Ana's run: the order is about data, not speech." in answers.values() and "(no answer)" in answers.values()


def test_an_early_reveal_is_told_with_its_dates(class_2020: ClassAggregate) -> None:
    facts = dict(student_work(class_2020, _row(class_2020, "Dev Patel")).facts)
    assert facts["Reveal"] == ("Revealed the answers on scenario date Tue 1 Sep 2020 (at 2026-11-30 14:05 UTC), "
                               "before the last question resolved")


def test_an_anonymised_students_work_names_no_one(class_2020: ClassAggregate) -> None:
    hidden = class_2020.anonymised()
    for row in hidden.rows:
        work = student_work(hidden, row)
        text = repr(work)
        assert work.label.startswith("Student ") and "Ana López" not in text and ".json" not in text and "'s run'" not in text
        assert "Scenario" not in dict(work.facts) and "File" not in dict(work.facts)
    # the anonymous row opens the same student's work as before
    original = {r.index: r.name for r in class_2020.rows}
    row = hidden.rows[0]
    assert hidden.submission(row).student == original[row.index]


def test_table_csv_has_mode_and_flag_reasons(class_2020: ClassAggregate) -> None:
    rows = list(csv.reader(io.StringIO(table_csv(class_2020.rows).decode("utf-8-sig"))))
    assert rows[0] == list(STUDENT_COLUMNS) and {"Mode", "Flags"} <= set(rows[0])
    by_name = {r[0]: dict(zip(rows[0], r)) for r in rows[1:]}
    assert by_name["ana  lópez"]["Mode"] == "Explore" and by_name["Ana López"]["Mode"] == "Classroom"
    assert by_name["Ben Okafor"]["Flags"].startswith("Handed in twice: 1 other file holds the same scenario")
    hidden = list(csv.reader(io.StringIO(table_csv(class_2020.anonymised().rows).decode("utf-8-sig"))))
    assert "File" not in hidden[0] and "Ana" not in repr(hidden)


def test_gradebook_is_a_name_then_numbers(class_2020: ClassAggregate) -> None:
    data = gradebook_csv(class_2020)
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == [title for title, _ in GRADEBOOK_COLUMNS] and rows[0][0] == "Name"
    assert len(rows) == 1 + len(class_2020.rows)
    for row in rows[1:]:
        assert len(row) == len(rows[0])
        for cell in row[1:]:
            assert cell == "" or float(cell) == float(cell)  # numbers only
    ana = dict(zip(rows[0], next(r for r in rows if r[0] == "Ana López")))
    assert (ana["Forecasts made"], ana["Prompts answered"], ana["Arguments weighed"], ana["Assumptions set"]) == ("2", "1", "2", "2")
    assert ana["Explore mode"] == "0" and dict(zip(rows[0], next(r for r in rows if r[0] == "ana  lópez")))["Explore mode"] == "1"
    assert float(ana["Mean Brier score"]) == pytest.approx(_row(class_2020, "Ana López").mean_brier, abs=1e-4)


def test_a_negative_skill_stays_a_number() -> None:
    loaded = mini()
    # student 4 forecast 100% on a question that resolved no: Brier 1, skill -300
    result = aggregate(loaded.pack, [decode_submission(submission_bytes(4, pack=loaded), "s.json", loaded.pack, loaded.digest)])
    rows = list(csv.reader(io.StringIO(gradebook_csv(result).decode("utf-8-sig"))))
    skill = dict(zip(rows[0], rows[1]))["Brier skill (%)"]
    assert skill == "-300.0"


def test_the_readme_documents_every_gradebook_column() -> None:
    import re

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    documented = re.findall(r"^\| `([^`]+)` \|", readme[readme.index("gradebook"):], flags=re.MULTILINE)
    assert documented[: len(GRADEBOOK_COLUMNS)] == [title for title, _ in GRADEBOOK_COLUMNS]
