"""The one object every view talks to: the open pack, the current date, the selection.

Views call Session methods and redraw on its signals; they never call each other. That keeps
each view replaceable and testable alone, and makes a step one signal, not a web of calls.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from scenario.model import Source
from scenario.pack import LoadedPack
from scenario.timeline import Timeline


class Move(enum.Enum):
    FIRST = "first"
    PREVIOUS_EVENT = "previous_event"
    PREVIOUS_DAY = "previous_day"
    NEXT_DAY = "next_day"
    NEXT_EVENT = "next_event"
    NEXT_DEADLINE = "next_deadline"
    LAST = "last"


_TARGETS: dict[Move, Callable[[Timeline, dt.date], dt.date | None]] = {
    Move.FIRST: lambda t, d: t.start,
    Move.PREVIOUS_EVENT: Timeline.previous_event,
    Move.PREVIOUS_DAY: Timeline.previous_day,
    Move.NEXT_DAY: Timeline.next_day,
    Move.NEXT_EVENT: Timeline.next_event,
    Move.NEXT_DEADLINE: Timeline.next_deadline,
    Move.LAST: lambda t, d: t.end,
}


class Session(QObject):
    packOpened = Signal(object)  # LoadedPack
    packClosed = Signal()
    dateChanged = Signal(object)  # dt.date
    selectionChanged = Signal(object)  # Event | Argument | InstrumentState | None
    revealChanged = Signal(bool)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.loaded: LoadedPack | None = None
        self.timeline: Timeline | None = None
        self.date: dt.date | None = None
        self.reveal_later = False
        self._sources: dict[str, Source] = {}

    def open_pack(self, loaded: LoadedPack, day: dt.date | None = None) -> None:
        self.loaded = loaded
        self.timeline = Timeline(loaded.pack)
        self._sources = {s.id: s for s in loaded.pack.sources}
        self.date = self.timeline.clamp(day) if day else self.timeline.start
        self.packOpened.emit(loaded)
        self.selectionChanged.emit(None)
        self.dateChanged.emit(self.date)

    def close_pack(self) -> None:
        self.loaded = self.timeline = self.date = None
        self._sources = {}
        self.packClosed.emit()

    def source(self, source_id: str) -> Source:
        return self._sources[source_id]

    def set_date(self, day: dt.date) -> None:
        if self.timeline is None:
            return
        day = self.timeline.clamp(day)
        if day != self.date:
            self.date = day
            self.dateChanged.emit(day)

    def target(self, move: Move) -> dt.date | None:
        """Where `move` would go from here, or None when it would go nowhere."""
        if self.timeline is None or self.date is None:
            return None
        day = _TARGETS[move](self.timeline, self.date)
        return day if day != self.date else None

    def step(self, move: Move) -> None:
        day = self.target(move)
        if day is not None:
            self.set_date(day)

    def select(self, item: object) -> None:
        self.selectionChanged.emit(item)

    def set_reveal_later(self, reveal: bool) -> None:
        if reveal != self.reveal_later:
            self.reveal_later = reveal
            self.revealChanged.emit(reveal)
