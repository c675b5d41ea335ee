"""The class table's cells, one row per student: the same text on screen, in the CSV and in the PDF.

Qt-free, so the class report on the command line and the PDF use exactly what the window shows.
Each column also has a sort key over the raw numbers, so "10%" sorts after "9%".
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from scenario.classroom import PROGRESS_HELP, EXPLORE_HELP, ClassAggregate, StudentRow, flag_label, natural_key

NONE = "–"


class Column(NamedTuple):
    title: str
    text: Callable[[StudentRow], str]
    key: Callable[[StudentRow], Any]
    help: str = ""  # what the column means: the header's tooltip and the report's legend
    detail: Callable[[StudentRow], str] | None = None  # a cell's tooltip, when it says more than the cell


def _progress(row: StudentRow) -> str:
    return NONE if row.progress is None else f"{row.progress:.0%}"


def _progress_detail(row: StudentRow) -> str:
    if row.progress is None:
        return "This pack asks for no forecasts or prompt answers."
    return f"{row.answered} of {row.asked} answered (forecast questions and prompts for this role). {PROGRESS_HELP}"


COLUMNS = (
    Column("Name", lambda r: r.name, lambda r: natural_key(r.name), "The name the student typed (Student 1, 2, ... when anonymised)."),
    Column("Role", lambda r: r.role, lambda r: r.role.casefold(), "The role the student played."),
    Column("Mode", lambda r: r.mode.capitalize(), lambda r: r.mode,
           "Classroom: only what was known on each date was shown. Explore: everything was visible. " + EXPLORE_HELP),
    Column("Progress", _progress, lambda r: -1 if r.progress is None else r.progress, PROGRESS_HELP, _progress_detail),
    Column("Mean Brier", lambda r: NONE if r.mean_brier is None else f"{r.mean_brier:.3f}", lambda r: 9 if r.mean_brier is None else r.mean_brier,
           "Mean Brier score of the student's resolved forecasts: 0 is perfect, always answering 50% scores 0.25; lower is better."),
    Column("Scored forecasts", lambda r: str(r.scored), lambda r: r.scored, "How many forecasts the mean Brier score is over."),
    Column("Revealed early", lambda r: "yes" if r.revealed_early else "no", lambda r: r.revealed_early,
           "Yes when the student revealed the answers before the last question resolved."),
    Column("Flags", lambda r: "; ".join(flag_label(f) for f in r.flags), lambda r: len(r.flags),
           "Reasons to look twice: a name given by more than one file, the same scenario handed in twice, "
           "a file made with another version of the pack.", lambda r: "\n".join(r.flags)),
    Column("Warnings", lambda r: "; ".join(r.warnings), lambda r: len(r.warnings), "What was left out when the file was read."),
    Column("File", lambda r: Path(r.file).name if r.file else "", lambda r: r.file, "The submission file (left out when anonymised)."),
)
STUDENT_COLUMNS = tuple(c.title for c in COLUMNS)
# The CSV spells the flags out in full, so a spreadsheet holds the reasons and not just their labels.
CSV_TEXT = {"Flags": lambda r: "; ".join(r.flags)}


def student_cells(row: StudentRow) -> tuple[str, ...]:
    return tuple(c.text(row) for c in COLUMNS)


def table_csv(rows: Sequence[StudentRow]) -> bytes:
    """UTF-8 with a BOM (so spreadsheets guess the encoding); a cell that would start a formula is quoted with '."""
    anonymous = bool(rows) and all(not r.file for r in rows)
    columns = [c for c in COLUMNS if not (anonymous and c.title == "File")]
    return _csv([c.title for c in columns], ([CSV_TEXT.get(c.title, c.text)(row) for c in columns] for row in rows))


# The gradebook: one row per student, a name first and then numbers only, for a learning platform's
# gradebook import (Moodle, Canvas, Blackboard, Google Classroom all take a UTF-8 CSV with a header).
GRADEBOOK_COLUMNS = (
    ("Name", "The student's name (Student 1, 2, ... when anonymised)."),
    ("Mean Brier score", "Mean Brier score of the resolved forecasts, 0 to 1, lower is better; empty when none is scored."),
    ("Brier skill (%)", "100 x (1 - mean Brier / 0.25): 0 is no better than always answering 50%, 100 is perfect; empty when none is scored."),
    ("Forecasts made", "Forecast questions answered."),
    ("Forecasts scored", "Forecasts on questions resolved by the report's date."),
    ("Prompts answered", "Prompts for the student's role with a non-empty answer."),
    ("Prompts asked", "Prompts for the student's role."),
    ("Arguments weighed", "Arguments given a weight."),
    ("Assumptions set", "Assumptions the student set (not left at the pack's default)."),
    ("Progress (%)", "Forecasts and prompt answers given, as a share of those asked."),
    ("Revealed early", "1 when the answers were revealed before the last question resolved, else 0."),
    ("Explore mode", "1 when the submission was made in Explore mode (everything visible), else 0."),
    ("Flags", "How many flags the row has (repeated name, handed in twice, other pack version)."),
)


def gradebook_rows(result: ClassAggregate) -> list[list[str]]:
    rows = []
    for row in result.rows:
        record = result.submission(row).record
        questions = {q.id for q in result.pack.questions}
        prompts = [p for p in result.pack.prompts if not p.roles or record.role in p.roles]
        answered = sum(bool(record.answers.get(p.id, "").strip()) for p in prompts)
        skill = None if row.mean_brier is None else 100 * (1 - row.mean_brier / 0.25)
        rows.append([
            row.name, _num(row.mean_brier, 4), _num(skill, 1), str(sum(q in questions for q in record.forecasts)), str(row.scored),
            str(answered), str(len(prompts)), str(len(record.weights)), str(len(record.assumptions)),
            _num(None if row.progress is None else row.progress * 100, 1), str(int(row.revealed_early)), str(int(row.explore)),
            str(len(row.flags)),
        ])
    return rows


def gradebook_csv(result: ClassAggregate) -> bytes:
    """One row per student: the name, then numeric columns only (see GRADEBOOK_COLUMNS and the README)."""
    return _csv([title for title, _ in GRADEBOOK_COLUMNS], gradebook_rows(result))


def _num(value: float | None, digits: int) -> str:
    return "" if value is None else f"{value:.{digits}f}"


def _csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([_safe(cell) for cell in row])
    return out.getvalue().encode("utf-8-sig")


def _safe(cell: str) -> str:
    """A text that a spreadsheet would run as a formula gets a leading '; a number (-0.5) stays a number."""
    if cell[:1] not in ("=", "+", "-", "@", "\t", "\r"):
        return cell
    try:
        float(cell)
    except ValueError:
        return "'" + cell
    return cell
