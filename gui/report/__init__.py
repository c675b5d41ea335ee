"""PDF reports for a student and for a class, from the app's own templates.

Importing this package loads neither matplotlib nor the report modules: the functions below
import them when called, so a window can offer "Export report" without paying for it at start.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING

from gui.widgets.drawing_import import drawing_ready

if TYPE_CHECKING:
    from scenario.classroom import ClassAggregate
    from scenario.model import Pack
    from scenario.record import ScenarioRecord
    from scenario.submission import Submission


def student_report(source: Submission | ScenarioRecord, pack: Pack, out_path: Path, as_of: dt.date | None = None,
                   student: str | None = None) -> None:
    """One student's PDF: who (`student`, for a bare record), forecasts and scores (as of `as_of`, by default the
    pack's end), every assumption (set or left at its default) and what they imply, weights, answers."""
    drawing_ready()
    from gui.report.student import write_student_report

    write_student_report(source, pack, Path(out_path), as_of, student)


def class_report(aggregate: ClassAggregate, out_path: Path, anonymise: bool) -> None:
    """The class's PDF: the table of students, the four class charts, warnings and skipped files."""
    drawing_ready()
    from gui.report.classroom import write_class_report

    write_class_report(aggregate.anonymised() if anonymise else aggregate, Path(out_path))
