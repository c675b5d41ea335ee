"""A list of what is known on the document's date, redrawn on each step it is on screen for; a
chosen row is shown in full."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from gui.document.dated_refresh import DatedRefresh
from gui.document.document import Document
from gui.widgets.list_panel import ListPanel


class DatedList(ListPanel):
    def __init__(self, document: Document, title: str, empty_text: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(title, empty_text, description, parent)
        self.document = document
        # Hidden, the list catches up when shown; but with a row chosen it follows every step, so
        # that a row no longer known leaves the list and the detail pane at once.
        self.refresh_when_shown = DatedRefresh(self, document, self.refresh, needed_now=lambda: self.view.currentIndex().isValid())
        document.dateChanged.connect(self.refresh_when_shown)
        self.picked.connect(document.select)
        self.dropped.connect(document.deselect)

    def refresh(self, *_: object) -> None:
        """Set the rows for the document's date."""
        raise NotImplementedError
