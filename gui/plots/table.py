"""The numbers a chart shows, as plain rows: for a "Show data" table and for copying.

Probabilities are given in percent, rounded to two decimals, as the chart reads them; the
column names carry the units so a pasted table still makes sense on its own.
"""

from __future__ import annotations

import dataclasses

Cell = str | float | int


@dataclasses.dataclass(frozen=True)
class ChartTable:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]

    def as_text(self) -> str:
        """Tab-separated with a header line: pastes into any spreadsheet."""
        lines = [self.columns, *self.rows]
        return "\n".join("\t".join(cell_text(cell) for cell in line) for line in lines)


def in_percent(p: float) -> float:
    return round(p * 100, 2)


def cell_text(cell: Cell) -> str:
    text = f"{cell:.10g}" if isinstance(cell, float) else str(cell)
    return " ".join(text.split())
