"""Debrief slides: one landscape page per checkpoint, in type legible from the back of a room.

The content is `scenario.debrief` (the same slides as the class window's Debrief view); this
module only sets it out. A slide names no student: only the class's spread is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from gui.report.html import Page
from gui.report.pdf import write_paged_pdf
from scenario.classroom import ClassAggregate
from scenario.debrief import Slide
from scenario.labels import long_date

SLIDE_STYLE = """
body { font-family: sans-serif; font-size: 14pt; }
h1 { font-size: 22pt; margin-bottom: 2px; }
h2 { font-size: 16pt; margin-top: 8px; margin-bottom: 2px; }
p { margin-top: 1px; margin-bottom: 1px; }
table { border-collapse: collapse; }
th { text-align: left; background-color: #e8e8e8; font-weight: bold; }
td, th { padding: 3px; border: 1px solid #888888; font-size: 13pt; }
.muted { color: #444444; }
.pre { white-space: pre-wrap; }
"""


def percent(p: float | None) -> str:
    return "" if p is None else f"{p:.0%}"


def question_rows(slide: Slide) -> list[tuple[str, ...]]:
    rows = []
    for q in slide.questions:
        spread = f"{percent(min(q.forecasts))} to {percent(max(q.forecasts))}" if q.forecasts else "no forecasts yet"
        outcome = "not yet known" if q.answer is None else ("yes" if q.answer else "no")
        score = "" if q.brier is None else f"{q.brier:.3f}"
        rows.append((q.question.question, str(len(q.forecasts)), percent(q.mean), spread, outcome, score))
    return rows


def assumption_rows(slide: Slide) -> list[tuple[str, ...]]:
    def shown(a, value: float | None) -> str:
        if value is None:
            return "–"
        return f"{value:.0%}" if a.kind == "probability" else f"{value:g} {a.unit}".rstrip()

    return [(a.assumption.label, shown(a.assumption, a.previous_median), shown(a.assumption, a.median), str(len(a.values)))
            for a in slide.assumptions]


def slide_page(page: Page, slide: Slide, number: int, total: int, new_page: bool, fixed_widths: bool = True) -> None:
    """`fixed_widths`: columns set for a landscape page; on a screen of any size Qt sizes them by their content."""
    page.heading(f"{long_date(slide.date)} ({number} of {total})", 1, new_page=new_page)
    page.paragraph(slide.title, muted=True)
    if slide.banner:
        page.paragraph(slide.banner[1] if len(slide.banner) > 1 else slide.banner[0])
    if slide.in_force:
        page.paragraph("In force: " + "; ".join(slide.in_force))
    page.heading("The class's forecasts", 2)
    page.table(("Question", "Forecasts", "Average", "Spread", "Outcome", "Brier"), question_rows(slide),
               empty="No question is open yet.", widths=(46, 11, 10, 15, 10, 8) if fixed_widths else None)
    page.heading("How the class's assumptions moved", 2)
    page.table(("Assumption", "Last checkpoint", "Now", "Students"), assumption_rows(slide),
               empty="No student had set an assumption by this date.", widths=(58, 16, 13, 13) if fixed_widths else None)


def write_debrief(result: ClassAggregate, slides: Sequence[Slide], out: Path) -> int:
    """One page per slide (more only when a slide overflows); returns the page count."""
    page = Page()
    for n, slide in enumerate(slides, 1):
        slide_page(page, slide, n, len(slides), new_page=n > 1)
    if not slides:
        page.heading(f"{result.pack.title}: no checkpoint", 1)
    return write_paged_pdf(page, {}, out, f"Divestiture Lab debrief: {result.pack.title}", landscape=True, style_sheet=SLIDE_STYLE)
