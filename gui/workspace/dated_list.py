"""A list of what is known on the document's date, redrawn on each step; a chosen row is shown in full."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from gui.document.document import Document
from gui.widgets.list_panel import ListPanel


class DatedList(ListPanel):
    def __init__(self, document: Document, title: str, empty_text: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(title, empty_text, accessible_name, parent)
        self.document = document
        document.dateChanged.connect(self.refresh)
        self.picked.connect(document.select)
        self.dropped.connect(document.deselect)

    def refresh(self, *_: object) -> None:
        """Set the rows for the document's date."""
        raise NotImplementedError
