"""Small widget makers shared by views and dialogs, so file text always reaches them the safe way."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QInputDialog, QLabel, QMessageBox, QScrollArea, QWidget

T = TypeVar("T")


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


def show_text(label: QLabel, text: str) -> None:
    """Set the text, and show the label only when it has some: an empty label still takes a line,
    and one that takes focus (selectable text) would be a stop with nothing to read."""
    label.setText(text)
    label.setVisible(bool(text))


def labelled(text: str, widget: QWidget) -> QHBoxLayout:
    """`text` (with its &-mnemonic) as the buddy label of `widget`, on one row."""
    row = QHBoxLayout()
    label = QLabel(text)
    label.setBuddy(widget)
    row.addWidget(label)
    row.addWidget(widget, 1)
    return row


def scrolling(body: QWidget, accessible_name: str) -> QScrollArea:
    """`body` in a frameless scroll area that follows the width. The area takes focus (Page Down
    scrolls it where the body holds only text), so it is named: a screen reader says where focus went."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.Shape.NoFrame)
    scroll.setWidget(body)
    scroll.setAccessibleName(accessible_name)
    return scroll


def message_box(icon: QMessageBox.Icon, title: str, text: str, detail: str = "", parent: QWidget | None = None) -> QMessageBox:
    """A message box whose text (often a file name or a problem quoted from a file) stays plain."""
    box = QMessageBox(icon, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if detail:
        box.setInformativeText(detail)
    return box


def warn(parent: QWidget, title: str, text: str, detail: str = "") -> None:
    message_box(QMessageBox.Icon.Warning, title, text, detail, parent).exec()


def file_stem(name: str) -> str:
    """A name made safe to suggest as a file name on any system, still reading as the name:
    "TikTok 2020: the executive orders" becomes "TikTok 2020 - the executive orders"."""
    stem = re.sub(r"\s*:\s*", " - ", name)
    stem = re.sub(r"[^\w\- ]+", " ", stem)
    return re.sub(r"\s+", " ", stem).strip(" -") or "scenario"


def without_mnemonic(text: str) -> str:
    """A label's text as read: "R&ole && prompts" is "Role & prompts" (a lone & marks the access key)."""
    return re.sub(r"&(&?)", r"\1", text)


def choose(parent: QWidget, title: str, label: str, items: Sequence[T], describe: Callable[[T], str]) -> T | None:
    """One of `items`, picked from a list that shows each as `describe` says; None if cancelled."""
    labels = [describe(item) for item in items]
    choice, ok = QInputDialog.getItem(parent, title, label, labels, 0, False)
    return items[labels.index(choice)] if ok else None
