"""The class report: the table of students and its legend, the class charts with their numbers, warnings,
skipped files, then one section per student (each on a new page) with everything they handed in.

The aggregate arrives already anonymised when the teacher asked for it, so this module cannot
leak a name by forgetting a field: it only prints what it is given.
"""

from __future__ import annotations

from pathlib import Path

from gui.report.html import Page
from gui.report.pdf import PAGED_CHART_WIDTH, render_chart, write_pdf
from scenario.class_table import COLUMNS, STUDENT_COLUMNS, student_cells
from scenario.classroom import EXPLORE_HELP, ClassAggregate
from scenario.student_work import StudentWork, student_work
from scenario.labels import long_date
from scenario.scoring import ALWAYS_HALF


PRINTED_INCHES = PAGED_CHART_WIDTH / 96  # how wide a chart is on paper
MAX_CHART_INCHES = 9.0  # a chart and its heading fit on one page (267 mm high, less the page number)
# The table's columns on paper: (column, its header there, percent of the page width). Warnings are
# listed under the table and each file in its student's section, so the table fits the page's
# width without breaking a word, and an anonymised report has no empty File column.
PDF_COLUMNS = (
    ("Name", "Name", 16), ("Role", "Role", 19), ("Mode", "Mode", 11), ("Progress", "Progress", 10),
    ("Mean Brier", "Brier", 7), ("Scored forecasts", "Scored", 8), ("Revealed early", "Early reveal", 9), ("Flags", "Flags", 20),
)
PDF_NOWRAP = ()  # widths alone: a column kept on one line takes its room from the others


def write_class_report(result: ClassAggregate, out: Path) -> None:
    from gui.plots.class_figures import CLASS_FIGURES

    pack = result.pack
    page = Page()
    page.heading(f"Divestiture Lab: class report, {pack.title}", 1)
    page.facts(_summary(result))

    page.heading("Students")
    shown = [STUDENT_COLUMNS.index(title) for title, _, _ in PDF_COLUMNS]
    page.table([short for _, short, _ in PDF_COLUMNS], ([cells[n] for n in shown] for cells in map(student_cells, result.rows)),
               empty="No submissions could be read.", widths=[width for _, _, width in PDF_COLUMNS], nowrap=PDF_NOWRAP)
    page.heading("How to read the table", 3)
    page.facts(((short, COLUMNS[n].help) for n, (_, short, _) in zip(shown, PDF_COLUMNS)), label_width=18)

    images = {}
    for n, figure in enumerate(CLASS_FIGURES):
        # drawn at the width it is printed, so its text is printed at the size it was set in (not shrunk to 77%)
        images[f"chart:{n}"], table = render_chart(lambda ax, style: figure.draw(ax, result, style),
                                                   (PRINTED_INCHES, min(MAX_CHART_INCHES, figure.height(result) * PRINTED_INCHES / 7.0 + 0.6)))
        page.heading(figure.title)
        page.image(f"chart:{n}", figure.title, PAGED_CHART_WIDTH)
        if figure.table_in_report and table.rows:
            page.table(table.columns, table.rows, widths=_widths(table))

    warned = [(row.name, warning) for row in result.rows for warning in (*row.flags, *row.warnings)]
    if warned:
        page.heading("Flags and warnings")
        page.table(("Student", "Flag or warning"), warned, widths=(25, 75))
    if result.skipped:
        page.heading("Files that could not be read")
        page.table(("File", "Reason"), ((s.file, s.reason) for s in result.skipped), widths=(35, 65))
    for row in result.rows:
        add_student_work(page, student_work(result, row), new_page=True)
    write_pdf(page.html(), images, out, f"Divestiture Lab class report: {pack.title}", page)


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


# Column widths (percent of the page) of a student's sections, and the columns kept on one line.
_SECTION_LAYOUT = {
    "Assumptions": ((22, 11, 15, 22, 30), ()),
    "Arguments weighed": ((42, 14, 18, 9, 17), (3,)),
    "Forecasts": ((30, 9, 13, 22, 11, 15), (1,)),
    "Answers to prompts": ((40, 60), ()),
}


def add_student_work(page: Page, work: StudentWork, new_page: bool = False) -> None:
    """One student's section: the same content as the class window's student view."""
    page.heading(work.label, 2, new_page=new_page)
    page.facts(work.facts, label_width=22)
    for section in work.sections:
        widths, nowrap = _SECTION_LAYOUT.get(section.title, (None, ()))
        page.heading(section.title, 3)
        page.table(section.columns, section.rows, empty=section.empty, widths=widths, nowrap=nowrap)


def student_work_html(work: StudentWork) -> str:
    """For the class window's read-only view of one student."""
    page = Page()
    add_student_work(page, work)
    return page.html()


def _widths(table) -> tuple[int, ...]:
    """Each column at least as wide as its longest word (header included), so no word is broken; a first
    column of words (a question, an assumption) gets what is left."""
    from gui.plots.table import cell_text

    def longest(column: int) -> int:
        texts = [table.columns[column], *(cell_text(row[column]) for row in table.rows)]
        return max(len(word) for text in texts for word in (text.split() or [""]))

    count = len(table.columns)
    needed = [(longest(n) * 7 + 14) * 100 / PAGED_CHART_WIDTH for n in range(count)]  # bold 8.5 pt: about 7 px a letter
    if not isinstance(table.rows[0][0], str) or sum(needed[1:]) > 80:
        return tuple(max(1, round(100 * w / sum(needed))) for w in needed)
    rest = [int(w + 1) for w in needed[1:]]
    return (100 - sum(rest), *rest)
