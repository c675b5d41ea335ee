"""Where the sources disagree (user counts, valuations, dates): every position, none chosen."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from gui.widgets.rows_model import Row
from gui.document.document import Document
from gui.workspace.dated_list import DatedList
from scenario.labels import short_date


class DisagreementsView(DatedList):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(document, "Where the sources disagree", "No disagreement between sources has arisen by this date.",
                         "Disagreements between sources", parent)
        if document.date is not None:  # built after the scenario opened (its tab first shown)
            self.refresh_when_shown()

    def refresh(self, *_: object) -> None:
        day = self.document.date
        assert self.document.timeline is not None and day is not None
        known = self.document.timeline.disagreements_known(day)
        rows = [Row(f"{d.topic}\n{len(d.positions)} positions · {short_date(d.date)}", "\n".join(p.claim for p in d.positions), d) for d in known]
        self.set_rows(rows, f"Where the sources disagree ({len(known)})")
