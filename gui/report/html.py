"""The report templates: small builders that escape every value they are given.

Reports are assembled only from these calls, so no text from a pack or a submission can
reach the HTML without passing through `esc`; the markup itself is the app's own.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence

from gui.plots.table import Cell, ChartTable
from gui.widgets.text import esc

STYLE_SHEET = """
body { font-family: sans-serif; font-size: 10pt; }
h1 { font-size: 18pt; }
h2 { font-size: 13pt; margin-top: 14px; }
table { border-collapse: collapse; }
th { text-align: left; background-color: #e8e8e8; font-weight: bold; }
td, th { padding: 3px; border: 1px solid #888888; font-size: 8.5pt; }
.muted { color: #555555; }
.pre { white-space: pre-wrap; }
"""


class Page:
    """An HTML body built piece by piece; `html()` gives the document."""

    def __init__(self) -> None:
        self._parts: list[str | _Table] = []

    def heading(self, text: str, level: int = 2, new_page: bool = False) -> None:
        """`new_page`: the heading starts a new page in a PDF (ignored on screen)."""
        style = " style='page-break-before: always'" if new_page else ""
        self._parts.append(f"<h{level}{style}>{esc(text)}</h{level}>")

    def paragraph(self, text: str, muted: bool = False, keep_lines: bool = False) -> None:
        classes = " ".join(c for c, on in (("muted", muted), ("pre", keep_lines)) if on)
        self._parts.append(f"<p class='{classes}'>{esc(text)}</p>" if classes else f"<p>{esc(text)}</p>")

    def facts(self, pairs: Iterable[tuple[str, str]], label_width: int | None = None) -> None:
        """Label-value lines, such as who and what a report is about; labels are never broken."""
        width = f" width='{int(label_width)}%'" if label_width else ""
        rows = [f"<tr><td{width} style='white-space: nowrap'><b>{esc(label)}</b></td><td>{esc(value)}</td></tr>"
                for label, value in pairs]
        full = " width='100%'" if label_width else ""
        self._parts.append(_Table(f"<table cellspacing='0'{full}", "", tuple(rows)))

    def table(self, columns: Sequence[str], rows: Iterable[Sequence[Cell]], empty: str = "None.",
              widths: Sequence[int] | None = None, nowrap: Iterable[int] = ()) -> None:
        """`widths`: each column's share of the page in percent; `nowrap`: columns (by index) kept on one line,
        header included, for short cells whose words must not be broken to make room."""
        keep = set(nowrap)

        def attributes(n: int) -> str:
            width = f" width='{int(widths[n])}%'" if widths else ""
            return width + (" style='white-space: nowrap'" if n in keep else "")

        body = tuple("<tr>" + "".join(f"<td{attributes(n)}>{esc(_text(cell))}</td>" for n, cell in enumerate(row)) + "</tr>"
                     for row in rows)
        if not body:
            self.paragraph(empty, muted=True)
            return
        head = "".join(f"<th{attributes(n)}>{esc(c)}</th>" for n, c in enumerate(columns))
        self._parts.append(_Table("<table width='100%' cellspacing='0'", f"<thead><tr>{head}</tr></thead>", body))

    def chart_table(self, table: ChartTable) -> None:
        """The numbers behind a chart, for readers who cannot use the picture."""
        if table.rows:
            self.table(table.columns, table.rows)

    def image(self, name: str, alt: str, width: int) -> None:
        """An image added to the document as resource `name` (see `pdf.write_pdf`)."""
        self._parts.append(f"<p><img src='{esc(name)}' alt='{esc(alt)}' width='{int(width)}'></p>")

    def html(self, breaks: Breaks | None = None) -> str:
        """The document; `breaks` (from `gui.report.pdf.keep_together`) starts pages before some headings and
        table rows: a table is then split there, and the part on the new page repeats its header row."""
        breaks = breaks or Breaks()
        out = []
        headings = tables = 0
        for part in self._parts:
            if isinstance(part, _Table):
                out.append(part.html(breaks.rows.get(tables, frozenset())))
                tables += 1
            elif part.startswith("<h") and part[2:3].isdigit():
                if headings in breaks.headings and "page-break-before" not in part:
                    part = part[:3] + " style='page-break-before: always'" + part[3:]
                out.append(part)
                headings += 1
            else:
                out.append(part)
        return "<html><body>" + "".join(out) + "</body></html>"


@dataclasses.dataclass(frozen=True)
class Breaks:
    """Where to start new pages: before the n-th heading, and before body rows (by index) of the n-th table."""

    headings: frozenset[int] = frozenset()
    rows: Mapping[int, frozenset[int]] = dataclasses.field(default_factory=dict)


@dataclasses.dataclass(frozen=True)
class _Table:
    opening: str  # "<table ..." without its closing ">"
    head: str  # "<thead>...</thead>", or "" for a table without a header row
    rows: tuple[str, ...]

    def html(self, breaks: frozenset[int]) -> str:
        starts = sorted({0, *breaks})
        out = []
        for n, start in enumerate(starts):
            end = starts[n + 1] if n + 1 < len(starts) else len(self.rows)
            style = " style='page-break-before: always'" if start in breaks else ""
            out.append(f"{self.opening}{style}>{self.head}{''.join(self.rows[start:end])}</table>")
        return "".join(out)


def _text(cell: Cell) -> str:
    return f"{cell:.4g}" if isinstance(cell, float) else str(cell)
