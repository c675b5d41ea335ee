"""The class table's cells, one row per student: the same text on screen, in the CSV and in the PDF.

Qt-free, so the class report on the command line and the PDF use exactly what the window shows.
Each column also has a sort key over the raw numbers, so "10%" sorts after "9%".
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, NamedTuple

from scenario.classroom import StudentRow, natural_key

NONE = "–"


class Column(NamedTuple):
    title: str
    text: Callable[[StudentRow], str]
    key: Callable[[StudentRow], Any]


COLUMNS = (
    Column("Name", lambda r: r.name, lambda r: natural_key(r.name)),
    Column("Role", lambda r: r.role, lambda r: r.role.casefold()),
    Column("Progress", lambda r: NONE if r.progress is None else f"{r.progress:.0%}", lambda r: -1 if r.progress is None else r.progress),
    Column("Mean Brier", lambda r: NONE if r.mean_brier is None else f"{r.mean_brier:.3f}", lambda r: 9 if r.mean_brier is None else r.mean_brier),
    Column("Scored forecasts", lambda r: str(r.scored), lambda r: r.scored),
    Column("Revealed early", lambda r: "yes" if r.revealed_early else "no", lambda r: r.revealed_early),
    Column("Warnings", lambda r: "; ".join(r.warnings), lambda r: len(r.warnings)),
    Column("File", lambda r: Path(r.file).name if r.file else "", lambda r: r.file),
)
STUDENT_COLUMNS = tuple(c.title for c in COLUMNS)


def student_cells(row: StudentRow) -> tuple[str, ...]:
    return tuple(c.text(row) for c in COLUMNS)


def table_csv(rows: Sequence[StudentRow]) -> bytes:
    """UTF-8 with a BOM (so spreadsheets guess the encoding); a cell that would start a formula is quoted with '."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(STUDENT_COLUMNS)
    for row in rows:
        writer.writerow(["'" + cell if cell[:1] in ("=", "+", "-", "@", "\t", "\r") else cell for cell in student_cells(row)])
    return out.getvalue().encode("utf-8-sig")
