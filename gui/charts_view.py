"""The Charts tab: the timeline with a cursor that follows the date, and one chosen chart below.

A step moves the cursor by redrawing only its artists over a cached background (a Blitter),
because a full timeline draw is two frames or more.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from gui.figure_panel import FigurePanel
from gui.session import Session

COMPARE_AT_MOST = 8  # more bars than this stop being readable


class ChartsView(QSplitter):
    CHARTS = ("Argument balance by theme (your weights)", "How your assumptions moved", "Your saved scenarios compared")

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.session = session
        self.blitter = None
        self.timeline = FigurePanel("Timeline: events, deadlines and what was in force")
        self.timeline.drawn.connect(self._timeline_drawn)
        self.choice = QComboBox()
        self.choice.addItems(self.CHARTS)
        self.choice.setAccessibleName("Chart to show")
        self.choice.currentIndexChanged.connect(self.refresh_chosen)
        self.chosen = FigurePanel("Chosen chart")
        bottom = QWidget()
        layout = QVBoxLayout(bottom)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        label = QLabel("C&hart:")
        label.setBuddy(self.choice)
        row.addWidget(label)
        row.addWidget(self.choice, 1)
        layout.addLayout(row)
        layout.addWidget(self.chosen, 1)
        self.addWidget(self.timeline)
        self.addWidget(bottom)
        session.scenarioOpened.connect(self._scenario_opened)
        session.dateChanged.connect(self._date_changed)
        session.recordChanged.connect(self.refresh_chosen)
        session.scenariosChanged.connect(self.refresh_chosen)

    def _scenario_opened(self, *_: object) -> None:
        assert self.session.loaded is not None
        pack = self.session.loaded.pack

        def timeline(ax, style):
            from gui.plots import draw_timeline

            return draw_timeline(ax, pack, style, self.session.date)

        self.timeline.set_drawer(timeline)
        self.refresh_chosen()

    def _timeline_drawn(self, chart) -> None:
        from gui.plots import Blitter

        if self.blitter is not None:
            self.blitter.release()
        self.blitter = Blitter(self.timeline.canvas, chart.moving_artists)

    def _date_changed(self, day: dt.date) -> None:
        chart = self.timeline.result
        if chart is None or self.blitter is None or not self.timeline.isVisible():
            self.timeline._stale = self.timeline._drawer is not None
            return
        chart.move_cursor(day)
        chart.highlight(day)
        self.blitter.update()
        if self.choice.currentIndex() == 0:
            self.refresh_chosen()  # the balance counts only arguments made by the date

    def refresh_chosen(self, *_: object) -> None:
        session = self.session
        if session.record is None or session.loaded is None or session.timeline is None:
            return
        record, pack, day = session.record, session.loaded.pack, session.date
        index = self.choice.currentIndex()

        def draw(ax, style):
            if index == 0:
                from gui.plots import draw_balance
                from scenario.argument_balance import argument_balance

                return draw_balance(ax, argument_balance(session.timeline.arguments_made(day), record.weights), style)
            if index == 1:
                from gui.plots import draw_history

                return draw_history(ax, record.snapshots, pack.assumptions, style)
            from gui.plots import draw_comparison

            return draw_comparison(ax, self._compared(), style)

        self.chosen.set_drawer(draw)

    def _compared(self) -> list:
        from scenario.outcomes import evaluate, values_of

        session = self.session
        assert session.loaded is not None and session.record is not None
        pack = session.loaded.pack
        if pack.outcome_model is None:
            return []
        records = [session.record]
        if session.store is not None:
            others = [s for s in session.store.list_scenarios() if s.pack_id == pack.id and s.id != session.scenario_id]
            records += [session.store.load(s.id) for s in others[: COMPARE_AT_MOST - 1]]
        return [(r.name, evaluate(pack, values_of(r))) for r in records]
