"""Where the sources disagree (user counts, valuations, dates): every position, none chosen."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from gui.widgets.list_panel import ListPanel
from gui.widgets.rows_model import Row
from gui.document.session import Session
from scenario.labels import short_date


class DisagreementsView(ListPanel):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__("Where the sources disagree", "No disagreement between sources has arisen by this date.",
                         "Disagreements between sources", parent)
        self.session = session
        session.dateChanged.connect(self.show_date)
        self.picked.connect(session.select)

    def show_date(self, day: dt.date) -> None:
        assert self.session.timeline is not None
        known = self.session.timeline.disagreements_known(day)
        rows = [Row(f"{d.topic}\n{len(d.positions)} positions · {short_date(d.date)}", "\n".join(p.claim for p in d.positions), d) for d in known]
        self.set_rows(rows, f"Where the sources disagree ({len(known)})")
