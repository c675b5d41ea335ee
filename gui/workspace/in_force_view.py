"""What is in force on the current date, and what was blocked or ended, each with since when."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from gui.widgets.rows_model import Row
from gui.document.document import Document
from gui.workspace.dated_list import DatedList
from scenario.labels import short_date, status_phrase


class InForceView(DatedList):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(document, "In force", "No order, law or injunction applies yet on this date.", "Legal instruments and their status", parent)

    def refresh(self, *_: object) -> None:
        day = self.document.date
        assert self.document.timeline is not None and day is not None
        states = self.document.timeline.instruments_at(day)
        rows = [Row(f"{s.instrument.name}\n{status_phrase(s)}", f"{s.instrument.title}\n{s.change.note}", s, muted=not s.in_force, key=s.instrument.id) for s in states]
        in_force = sum(s.in_force for s in states)
        self.set_rows(rows, f"In force on {short_date(day)} ({in_force})")
