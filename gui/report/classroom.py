"""The class report: the table of students, the class charts with their numbers, warnings, skipped files.

The aggregate arrives already anonymised when the teacher asked for it, so this module cannot
leak a name by forgetting a field: it only prints what it is given.
"""

from __future__ import annotations

from pathlib import Path

from gui.report.html import Page
from gui.report.pdf import CHART_WIDTH, render_chart, write_pdf
from scenario.class_table import STUDENT_COLUMNS, student_cells
from scenario.classroom import ClassAggregate
from scenario.labels import long_date
from scenario.scoring import ALWAYS_HALF


def write_class_report(result: ClassAggregate, out: Path) -> None:
    from gui.plots.class_figures import CLASS_FIGURES

    pack = result.pack
    page = Page()
    page.heading(f"Divestiture Lab: class report, {pack.title}", 1)
    page.facts(_summary(result))

    page.heading("Students")
    page.table(STUDENT_COLUMNS, (student_cells(row) for row in result.rows), empty="No submissions could be read.")

    images = {}
    for n, figure in enumerate(CLASS_FIGURES):
        images[f"chart:{n}"], table = render_chart(lambda ax, style: figure.draw(ax, result, style), (7.0, figure.height(result)))
        page.heading(figure.title)
        page.image(f"chart:{n}", figure.title, CHART_WIDTH)
        if figure.table_in_report:
            page.chart_table(table)

    warned = [(row.name, warning) for row in result.rows for warning in row.warnings]
    if warned:
        page.heading("Warnings")
        page.table(("Student", "Warning"), warned)
    if result.skipped:
        page.heading("Files that could not be read")
        page.table(("File", "Reason"), ((s.file, s.reason) for s in result.skipped))
    write_pdf(page.html(), images, out, f"Divestiture Lab class report: {pack.title}")


def _summary(result: ClassAggregate) -> list[tuple[str, str]]:
    brier = "no resolved forecasts yet" if result.mean_brier is None else f"{result.mean_brier:.3f} (always answering 50% scores {ALWAYS_HALF}; lower is better)"
    facts = [
        ("Scenario pack", f"{result.pack.title} (version {result.pack.version})"),
        ("Submissions", f"{len(result.rows)} read, {len(result.skipped)} skipped"),
        ("Scored as of", long_date(result.as_of)),
        ("Class mean Brier score", brier),
        ("Early reveals", f"{sum(r.revealed_early for r in result.rows)} students saw the answers before the last question resolved"),
    ]
    if result.anonymous:
        facts.append(("Names", "Anonymised: students are numbered, file names left out"))
    return facts
