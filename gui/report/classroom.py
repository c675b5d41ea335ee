"""The class report: the table of students and its legend, the class charts with their numbers, warnings,
skipped files, then one section per student (each on a new page) with everything they handed in.

The aggregate arrives already anonymised when the teacher asked for it, so this module cannot
leak a name by forgetting a field: it only prints what it is given.
"""

from __future__ import annotations

from pathlib import Path

from gui.report.html import Page
from gui.report.pdf import CHART_WIDTH, render_chart, write_pdf
from scenario.class_table import COLUMNS, student_cells
from scenario.classroom import EXPLORE_HELP, ClassAggregate
from scenario.student_work import StudentWork, student_work
from scenario.labels import long_date
from scenario.scoring import ALWAYS_HALF


def write_class_report(result: ClassAggregate, out: Path) -> None:
    from gui.plots.class_figures import CLASS_FIGURES

    pack = result.pack
    page = Page()
    page.heading(f"Divestiture Lab: class report, {pack.title}", 1)
    page.facts(_summary(result))

    page.heading("Students")
    shown = [n for n, c in enumerate(COLUMNS) if not (result.anonymous and c.title == "File")]
    page.table([COLUMNS[n].title for n in shown], ([cells[n] for n in shown] for cells in map(student_cells, result.rows)),
               empty="No submissions could be read.")
    page.heading("How to read the table", 3)
    page.facts((COLUMNS[n].title, COLUMNS[n].help) for n in shown)

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
    for row in result.rows:
        add_student_work(page, student_work(result, row), new_page=True)
    write_pdf(page.html(), images, out, f"Divestiture Lab class report: {pack.title}")


def _summary(result: ClassAggregate) -> list[tuple[str, str]]:
    brier = "no resolved forecasts yet" if result.mean_brier is None else f"{result.mean_brier:.3f} (always answering 50% scores {ALWAYS_HALF}; lower is better)"
    facts = [
        ("Scenario pack", f"{result.pack.title} (version {result.pack.version})"),
        ("Submissions", f"{len(result.rows)} read, {len(result.skipped)} skipped"),
        ("Scored as of", long_date(result.as_of)),
        ("Class mean Brier score", brier),
        ("Early reveals", f"{sum(r.revealed_early for r in result.rows)} students saw the answers before the last question resolved"),
        ("Explore mode", _explore(result)),
        ("Flagged", f"{sum(bool(r.flags) for r in result.rows)} submissions (see the Flags column)"),
    ]
    if result.anonymous:
        facts.append(("Names", "Anonymised: students are numbered, file names left out"))
    return facts


def _explore(result: ClassAggregate) -> str:
    count = result.explore_rows
    if not count:
        return "none: every submission was made in Classroom mode"
    counted = "included in" if result.include_explore else "left out of"
    return f"{count} submissions, {counted} the class's forecast statistics. {EXPLORE_HELP}"


def add_student_work(page: Page, work: StudentWork, new_page: bool = False) -> None:
    """One student's section: the same content as the class window's student view."""
    page.heading(work.label, 2, new_page=new_page)
    page.facts(work.facts)
    for section in work.sections:
        page.heading(section.title, 3)
        page.table(section.columns, section.rows, empty=section.empty)


def student_work_html(work: StudentWork) -> str:
    """For the class window's read-only view of one student."""
    page = Page()
    add_student_work(page, work)
    return page.html()
