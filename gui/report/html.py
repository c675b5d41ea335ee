"""The report templates: small builders that escape every value they are given.

Reports are assembled only from these calls, so no text from a pack or a submission can
reach the HTML without passing through `esc`; the markup itself is the app's own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

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
        self._parts: list[str] = []

    def heading(self, text: str, level: int = 2, new_page: bool = False) -> None:
        """`new_page`: the heading starts a new page in a PDF (ignored on screen)."""
        style = " style='page-break-before: always'" if new_page else ""
        self._parts.append(f"<h{level}{style}>{esc(text)}</h{level}>")

    def paragraph(self, text: str, muted: bool = False, keep_lines: bool = False) -> None:
        classes = " ".join(c for c, on in (("muted", muted), ("pre", keep_lines)) if on)
        self._parts.append(f"<p class='{classes}'>{esc(text)}</p>" if classes else f"<p>{esc(text)}</p>")

    def facts(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Label-value lines, such as who and what a report is about."""
        rows = "".join(f"<tr><td><b>{esc(label)}</b></td><td>{esc(value)}</td></tr>" for label, value in pairs)
        self._parts.append(f"<table cellspacing='0'>{rows}</table>")

    def table(self, columns: Sequence[str], rows: Iterable[Sequence[Cell]], empty: str = "None.") -> None:
        body = "".join("<tr>" + "".join(f"<td>{esc(_text(cell))}</td>" for cell in row) + "</tr>" for row in rows)
        if not body:
            self.paragraph(empty, muted=True)
            return
        head = "".join(f"<th>{esc(c)}</th>" for c in columns)
        self._parts.append(f"<table width='100%' cellspacing='0'><thead><tr>{head}</tr></thead>{body}</table>")

    def chart_table(self, table: ChartTable) -> None:
        """The numbers behind a chart, for readers who cannot use the picture."""
        if table.rows:
            self.table(table.columns, table.rows)

    def image(self, name: str, alt: str, width: int) -> None:
        """An image added to the document as resource `name` (see `pdf.write_pdf`)."""
        self._parts.append(f"<p><img src='{esc(name)}' alt='{esc(alt)}' width='{int(width)}'></p>")

    def html(self) -> str:
        return "<html><body>" + "".join(self._parts) + "</body></html>"


def _text(cell: Cell) -> str:
    return f"{cell:.4g}" if isinstance(cell, float) else str(cell)
