"""Draws a list row as a bold first line and muted detail lines, wrapped to the list's width.

The text is drawn as plain text with QPainter (never parsed as markup), so pack text stays
literal; heights follow the viewport width, so nothing is cut off with an ellipsis.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from gui.widgets.theme import muted

PAD_X, PAD_Y, GAP = 6, 4, 2
WRAP = Qt.TextFlag.TextWordWrap
CACHE_LIMIT = 20_000  # rows measured at one width; cleared when full or when the font changes


def row_colours(palette: QPalette, selected: bool, foreground: QColor | None) -> tuple[QColor, QColor]:
    """The colours of a row's first line and of its detail lines."""
    if selected:
        return palette.color(QPalette.ColorRole.HighlightedText), palette.color(QPalette.ColorRole.HighlightedText)
    if foreground is not None:  # a muted row: all of it greyed
        return foreground, foreground
    main = palette.color(QPalette.ColorRole.Text)
    return main, muted(main, palette.color(QPalette.ColorRole.Base))


class RowDelegate(QStyledItemDelegate):
    def __init__(self, view: QAbstractItemView, text_role: int = Qt.ItemDataRole.DisplayRole) -> None:
        super().__init__(view)
        self.view = view
        self.text_role = text_role  # a model shared with a table may keep the list's text in its own role
        self._heights: dict[tuple[str, int, str], int] = {}  # a step re-lists rows it has measured before

    def _fonts(self, option: QStyleOptionViewItem) -> tuple[QFont, QFont]:
        """Both weights set explicitly: a font without the weight "resolved" inherits the painter's."""
        bold, normal = QFont(option.font), QFont(option.font)
        bold.setBold(True)
        normal.setBold(False)
        return bold, normal

    def _width(self) -> int:
        """The width of a row: the viewport's, less the list's spacing either side. Text is measured
        at this less the padding, exactly the box `paint` draws it in: measured any wider, a row
        wraps to more lines than it was given room for and draws over the next one."""
        return max(80, self.view.viewport().width() - 2 * self.view.spacing())

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        text, width = index.data(self.text_role) or "", self._width()
        key = (text, width, option.font.key())
        height = self._heights.get(key)
        if height is None:
            head, _, rest = text.partition("\n")
            bold, normal = self._fonts(option)
            box = QRect(0, 0, width - 2 * PAD_X, 100_000)
            height = QFontMetrics(bold).boundingRect(box, WRAP, head).height()
            if rest:
                height += GAP + QFontMetrics(normal).boundingRect(box, WRAP, rest).height()
            if len(self._heights) >= CACHE_LIMIT:
                self._heights.clear()
            self._heights[key] = height
        return QSize(width, height + 2 * PAD_Y)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        head, _, rest = (index.data(self.text_role) or "").partition("\n")  # opt.text has \n turned into U+2028
        opt.text = ""
        style = opt.widget.style() if opt.widget else self.view.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        main, detail = row_colours(opt.palette, bool(opt.state & QStyle.StateFlag.State_Selected),
                                   index.data(Qt.ItemDataRole.ForegroundRole))
        bold, normal = self._fonts(opt)
        box = opt.rect.adjusted(PAD_X, PAD_Y, -PAD_X, -PAD_Y)
        painter.save()
        painter.setFont(bold)
        painter.setPen(main)
        used = painter.boundingRect(box, WRAP, head)
        painter.drawText(box, WRAP, head)
        if rest:
            painter.setFont(normal)
            painter.setPen(detail)
            painter.drawText(box.adjusted(0, used.height() + GAP, 0, 0), WRAP, rest)
        painter.restore()
