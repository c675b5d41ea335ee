"""The Charts tab: one chart at a time, at full size, chosen from a list.

Each chart needs the room: the timeline has a row per instrument and event kind, the tornado
a row per assumption. The timeline shows only what was known on the current date unless the
student reveals later events. A step moves the cursor at once by redrawing only the moving
artists over a cached background (a Blitter); a full draw takes 80-100 ms, so when a step makes
something new known, the full redraw waits until the student pauses, and stepping stays smooth.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from gui.charts.figure_panel import FigurePanel
from gui.document.document import Document
from gui.widgets.plain import labelled

COMPARE_AT_MOST = 8  # more bars than this stop being readable
REDRAW_AFTER_PAUSE_MS = 250
TIMELINE, TORNADO, BALANCE, HISTORY, COMPARISON = range(5)
CHARTS = {
    TIMELINE: "Timeline: events, deadlines and what was in force",
    TORNADO: "What moves the result: each assumption from low to high",
    BALANCE: "Argument balance by theme (your weights)",
    HISTORY: "How your assumptions moved",
    COMPARISON: "Your saved scenarios compared",
}


class ChartsView(QWidget):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self._known_key: tuple | None = None  # what the drawn timeline knew; redraw when it changes
        self._settled_key: tuple[str, ...] = ()  # the settled nodes the drawn outcome chart took as answered
        self.choice = QComboBox()
        self.choice.addItems(list(CHARTS.values()))
        self.choice.setAccessibleName("Chart to show")
        self.choice.currentIndexChanged.connect(self.refresh)
        self.panel = FigurePanel("Chart")
        self._redraw = QTimer(self, singleShot=True, interval=REDRAW_AFTER_PAUSE_MS)
        self._redraw.timeout.connect(self.refresh)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(labelled("Char&t:", self.choice))
        layout.addWidget(self.panel, 1)
        document.scenarioOpened.connect(self.refresh)
        document.dateChanged.connect(self._date_changed)
        document.recordChanged.connect(self.refresh)
        document.scenariosChanged.connect(self.refresh)
        document.laterEventsShownChanged.connect(self.refresh)
        document.explainedChanged.connect(lambda _outcome: self.refresh() if self.choice.currentIndex() == TORNADO else None)
        self.refresh()  # built after the scenario opened (its tab first shown): draw what is open

    def _timeline_key(self, day: dt.date) -> tuple:
        from scenario.known import known_key

        assert self.document.loaded is not None
        return ("all",) if self.document.later_events_shown else known_key(self.document.loaded.pack, day)

    def shows_current_date(self) -> bool:
        """The timeline on screen shows what is known on the current date (no redraw is pending)."""
        return self.document.date is not None and self._known_key == self._timeline_key(self.document.date)

    def _date_changed(self, day: dt.date) -> None:
        index = self.choice.currentIndex()
        if index == TIMELINE and self.panel.blitter is not None and self.panel.isVisible():
            self.panel.result.move_cursor(day)
            self.panel.repaint_moving()
            if self._redraw.isActive() or self._timeline_key(day) != self._known_key:
                self._redraw.start()  # something became known: redraw once the stepping pauses
        elif index in (TIMELINE, BALANCE):  # hidden, or the balance counts arguments made by the date
            self.refresh()
        elif index in (TORNADO, COMPARISON) and tuple(self.document.settled()) != self._settled_key:
            self.refresh()  # an event answered (or, stepping back, un-answered) a node of the outcome model

    def refresh(self, *_: object) -> None:
        document = self.document
        if document.record is None or document.loaded is None or document.timeline is None:
            return
        record, pack, index = document.record, document.loaded.pack, self.choice.currentIndex()
        self.panel.setAccessibleName(CHARTS[index])

        def draw(ax, style):
            if index == TIMELINE:
                from gui.plots import draw_timeline
                from scenario.known import known_pack

                self._known_key = self._timeline_key(document.date)
                if document.later_events_shown:
                    return draw_timeline(ax, pack, style, document.date)
                return draw_timeline(ax, known_pack(pack, document.date), style, document.date, future_alpha=0.0)
            if index == TORNADO:
                from gui.plots import draw_tornado
                from scenario.implications import implications

                self._settled_key = tuple(document.settled())
                implied = implications(pack, record, document.date)
                sensitivity = implied.sensitivity if implied else None
                explained = document.explained if sensitivity and document.explained in sensitivity.outcome_ids else None
                return draw_tornado(ax, sensitivity, style, explained)
            if index == BALANCE:
                from gui.plots import draw_balance
                from scenario.argument_balance import argument_balance

                return draw_balance(ax, argument_balance(document.timeline.arguments_made(document.date), record.weights), style)
            if index == HISTORY:
                from gui.plots import draw_history

                return draw_history(ax, record.snapshots, pack.assumptions, style, (pack.start, pack.end))
            from gui.plots import draw_comparison

            self._settled_key = tuple(document.settled())
            return draw_comparison(ax, self._compared(), style)

        self.panel.set_drawer(draw)

    def _compared(self) -> list:
        from scenario.outcomes import OutcomeTree, evaluate, values_of

        document = self.document
        assert document.loaded is not None and document.record is not None
        pack = document.loaded.pack
        if pack.outcome_model is None:
            return []
        records = [document.record, *document.other_scenarios_on_pack(COMPARE_AT_MOST - 1)]
        tree = OutcomeTree.from_pack(pack, document.date)  # every scenario as known on the date shown
        return [(r.name, evaluate(tree, values_of(r))) for r in records]
