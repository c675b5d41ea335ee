"""The class PDF's layout, checked on the text `pdftotext` extracts: no word broken in a table cell,
percentages as percentages, one section per student each on a new page, headings kept with what
follows, rows kept whole, anonymous labels throughout. Skipped where poppler-utils is not installed
(CI installs it)."""

from __future__ import annotations

import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import pytest

from gui.report import class_report
from gui.report.html import Page
from gui.report.pdf import write_paged_pdf
from scenario.class_loader import load_class
from scenario.classroom import ClassAggregate
from scenario.resources import PACKS_DIR
from scenario.student_work import student_work

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="pdftotext (poppler-utils) is not installed")

CLASS = Path(__file__).resolve().parents[1] / "data" / "class-1.1"
HEADINGS = ("Students", "How to read the table", "Assumptions", "Arguments weighed", "Forecasts", "Answers to prompts",
            "Class assumptions", "Argument weights by role", "Forecasts, class average and outcome",
            "Calibration of resolved forecasts", "Flags and warnings")


def _pages(pdf: Path) -> list[list[str]]:
    """Each page's non-empty lines, ligatures undone ("ﬁ" is "fi"), the page number left out."""
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = [[line.strip() for line in unicodedata.normalize("NFKC", page).splitlines() if line.strip()] for page in text.split("\f")]
    return [[line for line in lines if not re.fullmatch(r"\d+ / \d+", line)] for lines in pages if lines]


@pytest.fixture(scope="module")
def result(qapp) -> ClassAggregate:
    load = load_class([CLASS], [PACKS_DIR])
    return load.group("tiktok-2020")


@pytest.fixture(scope="module")
def report_pdf(result: ClassAggregate, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pdf") / "class.pdf"
    class_report(result, out, anonymise=False)
    return out


@pytest.fixture(scope="module")
def report(report_pdf: Path) -> list[list[str]]:
    return _pages(report_pdf)


@pytest.fixture(scope="module")
def report_images(report_pdf: Path) -> set[int]:
    """The pages that hold an image (a chart)."""
    listing = subprocess.run(["pdfimages", "-list", str(report_pdf)], capture_output=True, text=True, check=True).stdout
    return {int(line.split()[0]) for line in listing.splitlines()[2:] if line.strip()}


def _cell_words(result: ClassAggregate) -> set[str]:
    """Words of four letters or more in the table cells the report prints."""
    from scenario.class_table import student_cells

    texts = [cell for row in result.rows for cell in student_cells(row)[:8]]
    for row in result.rows:
        for section in student_work(result, row).sections:
            texts += [*section.columns, *(cell for cells in section.rows for cell in cells)]
    return {word for text in texts for word in re.findall(r"[A-Za-z]{4,}", text)}


def test_no_word_is_broken_in_a_table_cell(result: ClassAggregate, report: list[list[str]]) -> None:
    printed = {word for page in report for line in page for word in re.findall(r"[A-Za-z]+", line)}
    missing = sorted(_cell_words(result) - printed)
    assert not missing, f"broken or missing words: {missing}"
    for header in ("Progress", "Students", "quartile", "Highest", "Assumption"):
        assert header in printed


def test_percentages_are_printed_as_percentages(report: list[list[str]]) -> None:
    text = "\n".join(line for page in report for line in page)
    assert "25%" in text and "70%" in text
    # no probability as a raw fraction (0.48, 0.4025); Brier scores have three decimals ("0.040"), and the
    # legend's "always answering 50% scores 0.25" is a score too
    text = re.sub(r"50%:?\s+(scores\s+)?0\.25|app version [\d.]+", "", text)
    assert not re.search(r"(?<![\d.])0\.\d{1,2}(?![\d%])|(?<![\d.])0\.\d{4,}", text)


def test_each_student_starts_a_new_page(result: ClassAggregate, report: list[list[str]]) -> None:
    firsts = [page[0] for page in report]
    names = [" ".join(row.name.split()) for row in result.rows]  # pdftotext keeps one space between words
    assert [first for first in firsts if first in names] == names


def test_no_heading_is_left_at_the_bottom_of_a_page(report: list[list[str]], report_images: set[int]) -> None:
    charts = {"Class assumptions", "Argument weights by role", "Forecasts, class average and outcome", "Calibration of resolved forecasts"}
    for number, page in enumerate(report, 1):
        if page[-1] in charts and number in report_images:
            continue  # a chart's title, with the chart (an image, which has no text) under it on the same page
        assert page[-1] not in HEADINGS, f"page {number} ends with the heading {page[-1]!r}"


def test_an_anonymised_report_uses_the_labels_throughout(result: ClassAggregate, tmp_path: Path) -> None:
    out = tmp_path / "anon.pdf"
    class_report(result, out, anonymise=True)
    pages = _pages(out)
    text = "\n".join(line for page in pages for line in page)
    for name in ("Ana López", "ana lópez", "Ben Okafor", "Cara Diaz", "Dev Patel", ".json", "Scenario\n"):
        assert name not in text, name
    assert sum(page[0].startswith("Student ") for page in pages) == len(result.rows)
    assert "File" not in pages[0]


def test_rows_stay_whole_and_headings_stay_with_their_tables(qapp, tmp_path: Path) -> None:
    page = Page()
    for section in range(6):
        page.heading(f"Section {section}", 3)
        page.table(("Row", "Text"), [(f"r{n}", f"START{section}x{n} " + "word " * (60 + 23 * (n % 5)) + f"END{section}x{n}")
                                     for n in range(14)], widths=(15, 85))
    out = tmp_path / "rows.pdf"
    count = write_paged_pdf(page, {}, out, "rows")
    pages = _pages(out)
    assert len(pages) == count > 3
    for number, lines in enumerate(pages, 1):
        text = " ".join(lines)
        assert set(re.findall(r"START(\d+x\d+)", text)) == set(re.findall(r"END(\d+x\d+)", text)), f"a row is split on page {number}"
        assert not lines[-1].startswith("Section "), f"page {number} ends with a heading"
        if number > 1 and lines[0] == "Row":
            assert lines[1] == "Text"  # a table continued on a new page repeats its header
