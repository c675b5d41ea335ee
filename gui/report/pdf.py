"""HTML plus chart images to a PDF file, via QTextDocument and QPdfWriter.

Charts are drawn with matplotlib's Agg backend (a Figure and FigureCanvasAgg, never pyplot)
into PNG bytes, so reports come out the same with or without a display. The PDF is built in
memory and written in one go, so a failed export never leaves half a file behind.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSizeF, Qt, QUrl
from PySide6.QtGui import (
    QAbstractTextDocumentLayout, QFont, QImage, QPageLayout, QPageSize, QPainter, QPdfWriter, QTextCursor, QTextDocument,
    QTextFormat, QTextTable,
)

from gui.report.html import STYLE_SHEET, Breaks, Page
from gui.widgets.drawing_import import drawing_ready
from store.files import write_atomic

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from gui.plots.style import ChartStyle

CHART_WIDTH = 520  # px at 96 dpi: A4 less the 15 mm page margins and the 2 cm print_() adds, 140 mm ≈ 529 px
Draw = Callable[["Axes", "ChartStyle"], object]


def render_chart(draw: Draw, size: tuple[float, float] = (7.0, 3.6), dpi: int = 150) -> tuple[QImage, Any]:
    """`draw(ax, style)` on a fresh light-themed Agg figure: the image for the document, and what `draw` returned."""
    drawing_ready()
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from gui.plots.style import style_for

    figure = Figure(figsize=size, dpi=dpi, layout="constrained")
    FigureCanvasAgg(figure)
    drawn = draw(figure.add_subplot(), style_for(dark=False))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return QImage.fromData(buffer.getvalue(), "PNG"), drawn


def build_document(html: str, images: Mapping[str, QImage], style_sheet: str = STYLE_SHEET) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultStyleSheet(style_sheet)
    for name, image in images.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    document.setHtml(html)
    return document


def write_pdf(html: str, images: Mapping[str, QImage], out: Path, title: str, paged: Page | None = None) -> None:
    """`paged`: the Page that `html` came from, for a long report laid out with `write_paged_pdf`."""
    if paged is not None:
        write_paged_pdf(paged, images, out, title)
        return
    document = build_document(html, images)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _a4_writer(buffer, title)
    document.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    write_atomic(out, bytes(data.data()))


def _a4_writer(buffer: QBuffer, title: str, landscape: bool = False) -> QPdfWriter:
    """Every PDF the app writes: A4, 15 mm margins, titled, into memory (written to disk in one go)."""
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Divestiture Lab")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait)
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    return writer


# Paged output for long reports (the class report): the document is laid out at the page's own
# size, so tables get the page's full width (180 mm, not 140 mm), and page breaks are chosen
# before printing, so that no table row is split across pages and no heading is left at the
# bottom of a page without what it heads.
MM = 96 / 25.4  # layout pixels per millimetre
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 180, 267  # A4 less the 15 mm margins
FOOTER = 24.0  # layout pixels kept at the bottom of each page for its number
PAGED_CHART_WIDTH = int(PAGE_WIDTH_MM * MM) - 8


def write_paged_pdf(page: Page, images: Mapping[str, QImage], out: Path, title: str, landscape: bool = False,
                    style_sheet: str = STYLE_SHEET) -> int:
    """`page` laid out once without page breaks to measure it, then again with the breaks chosen; the page count."""
    width, height = PAGE_WIDTH_MM * MM, PAGE_HEIGHT_MM * MM
    if landscape:
        width, height = height, width
    natural = _laid_out(page.html(), images, width, 10.0**9, style_sheet)
    document = _laid_out(page.html(keep_together(natural, height)), images, width, height, style_sheet)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = _a4_writer(buffer, title, landscape)
    count = document.pageCount()
    painter = QPainter(writer)
    scale = writer.resolution() / 96
    font = QFont(painter.font())
    font.setPixelSize(11)
    for number in range(count):
        if number:
            writer.newPage()
        painter.save()
        painter.scale(scale, scale)
        painter.translate(0, -number * height)
        view = QRectF(0, number * height, width, height - FOOTER)
        painter.setClipRect(view)  # what lies across a page's edge is drawn on one page only
        context = QAbstractTextDocumentLayout.PaintContext()
        context.clip = view
        document.documentLayout().draw(painter, context)
        painter.restore()
        painter.save()
        painter.scale(scale, scale)
        painter.setFont(font)
        painter.drawText(QRectF(0, height - FOOTER, width, FOOTER), int(Qt.AlignmentFlag.AlignCenter), f"{number + 1} / {count}")
        painter.restore()
    painter.end()
    del writer
    buffer.close()
    write_atomic(out, bytes(data.data()))
    return count


def _laid_out(html: str, images: Mapping[str, QImage], width: float, height: float, style_sheet: str = STYLE_SHEET) -> QTextDocument:
    document = build_document(html, images, style_sheet)
    frame = document.rootFrame().frameFormat()
    frame.setMargin(0)
    frame.setBottomMargin(FOOTER)
    document.rootFrame().setFrameFormat(frame)
    document.setPageSize(QSizeF(width, height))
    return document


def keep_together(document: QTextDocument, page_height: float) -> Breaks:
    """Where to break pages so that rows stay whole and headings stay with what follows them.

    `document` is laid out on one endless page; this walks its pieces in order (lines of text,
    headings, table rows), places them on pages of `page_height` as Qt would, and notes a break
    before any heading whose next piece would not fit under it on its page, and before any table
    row that would be cut by a page's end (a row taller than a page is left to be cut).
    """
    layout = document.documentLayout()
    bottom_margin = document.rootFrame().frameFormat().bottomMargin()
    pieces = _pieces(document, layout)
    shift = 0.0  # how far down the paged layout has moved a piece, against the endless one
    headings: set[int] = set()
    rows: dict[int, set[int]] = {}

    def page_bottom(y: float) -> float:
        return (y // page_height + 1) * page_height - bottom_margin

    def next_top(y: float) -> float:
        return (y // page_height + 1) * page_height

    for n, piece in enumerate(pieces):
        kind, key, top, bottom, extra = piece
        y, end = top + shift, bottom + shift
        at_top = y % page_height < 1.0
        if kind == "forced":
            if not at_top:
                shift += next_top(y) - y
            continue
        if kind == "heading":
            following = pieces[n + 1] if n + 1 < len(pieces) else None
            end = (following[3] + shift) if following is not None and following[0] != "forced" else end
            if end > page_bottom(y) and not at_top:
                headings.add(key)
                shift += next_top(y) - y
            continue
        if end <= page_bottom(y) or bottom - top + extra > page_height - bottom_margin:
            continue  # fits, or could never fit
        if kind == "row":
            table, row = key
            rows.setdefault(table, set()).add(row)
            shift += next_top(y) + extra - y  # the split table repeats its header row on the new page
        else:
            shift += next_top(y) - y  # Qt moves a line that does not fit to the next page
    return Breaks(frozenset(headings), {table: frozenset(found) for table, found in rows.items()})


def _pieces(document: QTextDocument, layout) -> list[tuple[str, Any, float, float, float]]:
    """(kind, key, top, bottom, header height) in document order: "forced" page breaks, "heading"s (key: their
    number), "line"s of other text, and table "row"s (key: table number, body row number)."""
    tables = [frame for frame in document.rootFrame().childFrames() if isinstance(frame, QTextTable)]
    starts = {table.firstPosition(): (n, table) for n, table in enumerate(tables)}
    pieces: list[tuple[str, Any, float, float, float]] = []
    heading = 0
    block = document.begin()
    while block.isValid():
        cursor = QTextCursor(block)
        table = cursor.currentTable()
        if table is not None:
            number, table = starts.get(table.firstPosition(), (None, table))
            if number is not None:
                pieces.extend(_table_pieces(number, table, layout))
            block = document.findBlock(table.lastPosition() + 1)
            continue
        rect = layout.blockBoundingRect(block)
        if block.blockFormat().pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
            pieces.append(("forced", None, rect.top(), rect.top(), 0.0))
        if block.blockFormat().headingLevel() > 0:
            pieces.append(("heading", heading, rect.top(), rect.bottom(), 0.0))
            heading += 1
        else:
            text = block.layout()
            for line in (text.lineAt(i) for i in range(text.lineCount())):
                pieces.append(("line", None, rect.top() + line.y(), rect.top() + line.y() + line.height(), 0.0))
        block = block.next()
    return pieces


def _table_pieces(number: int, table: QTextTable, layout) -> list[tuple[str, Any, float, float, float]]:
    frame = layout.frameBoundingRect(table)
    header_rows = table.format().headerRowCount()
    tops = [layout.blockBoundingRect(table.cellAt(r, 0).firstCursorPosition().block()).top() for r in range(table.rows())]
    inset = tops[0] - frame.top()  # from a row's top to its first line
    edges = [top - inset for top in tops] + [frame.bottom()]
    header = edges[header_rows] - edges[0]
    pieces = []
    if table.format().pageBreakPolicy() & QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore:
        pieces.append(("forced", None, frame.top(), frame.top(), 0.0))
    for r in range(header_rows, table.rows()):
        top = edges[0] if r == header_rows else edges[r]  # the first row brings the header with it
        pieces.append(("row", (number, r - header_rows), top, edges[r + 1], header if r > header_rows else 0.0))
    return pieces
