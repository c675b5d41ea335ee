"""Small widget makers used across views, so every label of file text is made the safe way."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget


def plain_label(text: str = "", bold: bool = False, point_delta: float = 0) -> QLabel:
    """A wrapped, selectable label that never interprets its text as markup."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if bold or point_delta:
        font = label.font()
        font.setBold(bold)
        font.setPointSizeF(font.pointSizeF() + point_delta)
        label.setFont(font)
    return label


def labelled(text: str, widget: QWidget) -> QHBoxLayout:
    """`text` (with its &-mnemonic) as the buddy label of `widget`, on one row."""
    row = QHBoxLayout()
    label = QLabel(text)
    label.setBuddy(widget)
    row.addWidget(label)
    row.addWidget(widget, 1)
    return row
