"""The class report: the table of students, the class charts with their numbers, warnings, skipped files.

The aggregate arrives already anonymised when the teacher asked for it, so this module cannot
leak a name by forgetting a field: it only prints what it is given.
"""

from __future__ import annotations

from pathlib import Path

from gui.report.html import Page
from gui.report.pdf import CHART_WIDTH, render_chart, write_pdf
from gui.class_table import STUDENT_COLUMNS, student_cells
from scenario.classroom import ClassAggregate
from scenario.labels import long_date
from scenario.scoring import ALWAYS_HALF


def write_class_report(result: ClassAggregate, out: Path) -> None:
    from gui.plots.calibration import draw_calibration
    from gui.plots.class_assumptions import draw_class_assumptions
    from gui.plots.class_forecasts import draw_class_forecasts
    from gui.plots.role_weights import draw_role_weights

    pack = result.pack
    page = Page()
    page.heading(f"Divestiture Lab: class report, {pack.title}", 1)
    page.facts(_summary(result))

    page.heading("Students")
    page.table(STUDENT_COLUMNS, (student_cells(row) for row in result.rows), empty="No submissions could be read.")

    charts = {
        "assumptions": ("Class assumptions", lambda ax, style: draw_class_assumptions(ax, result.assumptions, style)),
        "weights": ("Argument weights by role", lambda ax, style: draw_role_weights(ax, result.weights, style)),
        "forecasts": ("Forecasts, class average and outcome", lambda ax, style: draw_class_forecasts(ax, result.questions, style)),
        "calibration": ("Calibration of resolved forecasts", lambda ax, style: draw_calibration(ax, result.calibration, style)),
    }
    images = {}
    for key, (title, draw) in charts.items():
        tables = []
        images[f"chart:{key}"] = render_chart(lambda ax, style: tables.append(draw(ax, style)))
        page.heading(title)
        page.image(f"chart:{key}", title, CHART_WIDTH)
        page.chart_table(tables[0])

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
