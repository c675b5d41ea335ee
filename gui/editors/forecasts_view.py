"""The Forecasts tab: questions open on the current date, the student's probability and
reason for each, and, once a question has resolved, the answer, its source and the score."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDoubleSpinBox, QFrame, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget

from gui.document.dated_refresh import DatedRefresh
from gui.widgets.typed_text import TypedLine
from gui.charts.figure_panel import FigurePanel
from gui.document.changes import Change
from gui.document.editor import Editor
from gui.widgets.theme import MutedLabel, discard
from gui.widgets.plain import plain_label, scrolling, show_text
from scenario.labels import short_date
from scenario.model import Question
from scenario.record import Forecast, ScenarioRecord

NOT_FORECAST = -1.0


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _open_and_resolved(still_open: int, resolved: int) -> str:
    """"1 question open so far.", "2 questions resolved so far.", "1 question open and 2 resolved so far." """
    if still_open and resolved:
        return f"{_count(still_open, 'question')} open and {resolved} resolved so far."
    if resolved:
        return f"{_count(resolved, 'question')} resolved so far."
    return f"{_count(still_open, 'question')} open so far."


class QuestionCard(QFrame):
    def __init__(self, question: Question, editor: Editor) -> None:
        super().__init__()
        self.question, self.editor, self.document = question, editor, editor.document
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = plain_label(question.question, bold=True)
        self.when = MutedLabel(f"Opened {short_date(question.opens)} · resolves {short_date(question.resolves)}")
        self.probability = QDoubleSpinBox()
        self.probability.setRange(NOT_FORECAST, 100)
        self.probability.setSpecialValueText("no forecast")
        self.probability.setSuffix(" %")
        self.probability.setDecimals(0)
        self.probability.setKeyboardTracking(False)
        self.probability.setAccessibleName(f"Chance it happens, your probability: {question.question}")
        self.reason = TypedLine()
        self.reason.setPlaceholderText("Why? (your reason)")
        self.reason.setAccessibleName(f"Your reason: {question.question}")
        self.reason.setMaxLength(4000)
        self.outcome = plain_label("")
        row = QHBoxLayout()
        chance = QLabel("Chance it happens:")
        chance.setBuddy(self.probability)
        row.addWidget(chance)
        row.addWidget(self.probability)
        row.addWidget(self.reason, 1)
        layout = QVBoxLayout(self)
        for widget in (self.title, self.when):
            layout.addWidget(widget)
        layout.addLayout(row)
        layout.addWidget(self.outcome)
        self.probability.valueChanged.connect(self._edited)
        self.reason.committed.connect(self._edited)

    def show_state(self, record: ScenarioRecord, day: dt.date) -> None:
        from scenario.scoring import brier, scorable

        q, forecast = self.question, record.forecasts.get(self.question.id)
        locked = self.document.forecast_locked(q)
        self.probability.blockSignals(True)
        self.probability.setValue(forecast.probability * 100 if forecast else NOT_FORECAST)
        self.probability.blockSignals(False)
        self.reason.show_saved(forecast.reason if forecast else "")
        for widget in (self.probability, self.reason):
            widget.setEnabled(not locked)
        made = f"Forecast made on {short_date(forecast.made_on)}. " if forecast else ""
        assert self.document.timeline is not None
        reported = self.document.timeline.vintage.resolution(q)
        if day < q.resolves:  # the answer is shown only once it is reported, even to a student who has been there
            show_text(self.outcome, made + ("Locked: you have already been past the date this question resolves." if locked else ""))
            return
        if day < reported:
            show_text(self.outcome, f"{made}Resolved {short_date(q.resolves)}; the answer is not yet reported on this date.")
            return
        answer = "Yes" if q.answer else "No"
        sources = "; ".join(f"{s.publisher}: {s.title}" + (" (later report)" if later else "")
                            for s, later in self.document.sources_shown(list(q.sources), reported))
        score = ""
        if forecast and scorable(forecast, q):
            score = f" Your Brier score: {brier(forecast.probability, q.answer):.3f} (0 is perfect, 0.25 is always saying 50%)."
        elif forecast:
            score = " Not scored: it was made after the question resolved."
        show_text(self.outcome, f"{made}Resolved {short_date(q.resolves)}, answer: {answer}.{score}\n{q.resolution}\nSource: {sources}")

    def _edited(self, *_: object) -> None:
        value = self.probability.value()
        forecast = None if value < 0 else Forecast(probability=value / 100, reason=self.reason.text(), made_on=self.document.date)
        self.editor.edit_forecast(self.question, forecast)


class ForecastsView(QSplitter):
    def __init__(self, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.editor = editor
        self.document = document = editor.document
        self.cards: dict[str, QuestionCard] = {}
        body = QWidget()
        self.list = QVBoxLayout(body)
        self.summary = plain_label("")
        self.summary.setAccessibleDescription("Your forecast scores")
        self.list.addWidget(self.summary)
        self.empty = MutedLabel("No forecast question is open yet on this date.")
        self.list.addWidget(self.empty)
        self.list.addStretch(1)
        scroll = scrolling(body, "Forecast questions")
        self.calibration = FigurePanel("Calibration of your forecasts")
        self.addWidget(scroll)
        self.addWidget(self.calibration)
        self.setSizes([560, 400])
        # Only while visible: scoring loads numpy, which the first paint should not wait for.
        self.refresh = DatedRefresh(self, document, self._show)
        for signal in (document.dateChanged, document.scenarioOpened):
            signal.connect(self.refresh)
        document.recordChanged.connect(lambda _record, kind: self.refresh() if kind in (Change.FORECAST, Change.REVEAL) else None)
        self.refresh()  # built after the scenario opened (its tab first shown)

    def _show(self) -> None:
        document = self.document
        if document.loaded is None or document.record is None or document.date is None:
            return
        from scenario.scoring import calibration, score_card

        pack, record, day = document.loaded.pack, document.record, document.date
        # still open first (soonest to resolve on top), then resolved ones, most recent first
        shown = sorted((q for q in pack.questions if q.opens <= day),
                       key=lambda q: (q.resolves <= day, q.resolves.toordinal() * (-1 if q.resolves <= day else 1)))
        if [q.id for q in shown] != list(self.cards):
            for card in self.cards.values():
                discard(card)
            self.cards = {}
            for n, q in enumerate(shown):
                self.cards[q.id] = QuestionCard(q, self.editor)
                self.list.insertWidget(2 + n, self.cards[q.id])
        for card in self.cards.values():
            card.show_state(record, day)
        self.empty.setVisible(not shown)
        card = score_card(pack, record.forecasts, day)
        still_open = sum(1 for q in shown if q.resolves > day)
        if card.mean is None:
            self.summary.setText(f"{_open_and_resolved(still_open, len(shown) - still_open)} "
                                 "Scores appear once a question you forecast has resolved.")
        else:
            self.summary.setText(f"Scored {len(card.scores)} of {_count(card.resolved, 'resolved question')}. Your mean Brier score: "
                                 f"{card.mean:.3f}; always answering 50% would score {card.baseline:.3f}. Lower is better.")
        pairs = [(s.probability, s.outcome) for s in card.scores]

        def draw(ax, style):
            from gui.plots.calibration import draw_calibration

            return draw_calibration(ax, calibration(pairs), style)

        self.calibration.set_drawer(draw)
