"""Events up to the current date, newest first; later ones only if the reader asks to see them."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from gui.widgets.rows_model import PrefixRows, Row, RowCache
from gui.document.document import Document
from gui.workspace.dated_list import DatedList
from scenario.labels import EVENT_KINDS, short_date
from scenario.model import Event


def _row(event: Event, later: bool) -> Row:
    prefix = "Later: " if later else ""
    return Row(f"{prefix}{event.title}\n{short_date(event.date)} · {EVENT_KINDS[event.kind]}", event.detail, event, muted=later)


class EventsView(DatedList):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(document, "Events so far", "Nothing has happened yet on this date. Step forward with the Right arrow key.",
                         "Events so far, newest first", parent)
        document.laterEventsShownChanged.connect(self.refresh_when_shown)
        document.scenarioOpened.connect(self.refresh_when_shown)
        self._rows = RowCache(_row)
        self._known = PrefixRows(lambda e: self._rows.row((e.id, False), e, False))
        document.packOpened.connect(self._rows.clear)

    def refresh(self, *_: object) -> None:
        timeline, day = self.document.timeline, self.document.date
        assert timeline is not None and day is not None
        known = len(timeline.events_known(day))
        rows = self._known.newest_first(timeline.pack.events, known)
        if self.document.later_events_shown:
            rows = [self._rows.row((e.id, True), e, True) for e in reversed(timeline.events_later(day))] + rows
        total = f" of {len(timeline.pack.events)}" if self.document.spoilers_allowed else ""  # how much is to come is a hint too
        self.set_rows(rows, f"Events so far ({known}{total})")
