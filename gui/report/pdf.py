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

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from gui.report.html import STYLE_SHEET
from store.files import write_atomic

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from gui.plots.style import ChartStyle

CHART_WIDTH = 520  # px at 96 dpi: A4 less the 15 mm page margins and the 2 cm print_() adds, 140 mm ≈ 529 px
Draw = Callable[["Axes", "ChartStyle"], object]


def render_chart(draw: Draw, size: tuple[float, float] = (7.0, 3.6), dpi: int = 150) -> tuple[QImage, Any]:
    """`draw(ax, style)` on a fresh light-themed Agg figure: the image for the document, and what `draw` returned."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    from gui.plots.style import style_for

    figure = Figure(figsize=size, dpi=dpi, layout="constrained")
    FigureCanvasAgg(figure)
    drawn = draw(figure.add_subplot(), style_for(dark=False))
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    return QImage.fromData(buffer.getvalue(), "PNG"), drawn


def build_document(html: str, images: Mapping[str, QImage]) -> QTextDocument:
    document = QTextDocument()
    document.setDefaultStyleSheet(STYLE_SHEET)
    for name, image in images.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
    document.setHtml(html)
    return document


def write_pdf(html: str, images: Mapping[str, QImage], out: Path, title: str) -> None:
    document = build_document(html, images)
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(title)
    writer.setCreator("Divestiture Lab")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageMargins(QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)
    document.print_(writer)
    del writer  # finishes the PDF into the buffer
    buffer.close()
    write_atomic(out, bytes(data.data()))
