"""What the assumptions imply: outcome probabilities with their intervals, and why.

Recomputed when an assumption changes, or a step makes an event known that settles a node of
the model (a few milliseconds), drawn only while visible.
"""

from __future__ import annotations

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QComboBox, QVBoxLayout, QWidget

from gui.charts.figure_panel import FigurePanel
from gui.document.changes import Change
from gui.document.document import Document
from gui.widgets.grow_only import GrowOnly
from gui.widgets.plain import labelled, plain_label
from scenario.record import ScenarioRecord

NO_MODEL = "This pack has no outcome model, so there is nothing to compute from your assumptions."


class OutcomesPanel(QWidget):
    def __init__(self, document: Document, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.implied = None
        self._record: ScenarioRecord | None = None
        self._computed_for: ScenarioRecord | None = None
        self._computed_settled: tuple[str, ...] = ()  # the settled nodes `implied` took as answered
        self.outcomes = FigurePanel("Outcome probabilities implied by your assumptions")
        self.choice = QComboBox()
        self.choice.setAccessibleName("Outcome to explain")
        self.choice.currentIndexChanged.connect(self._explain)
        self.explanation = plain_label()
        self.explanation.setAccessibleDescription("How this probability is made up")
        self.settled = plain_label()
        self.settled.setAccessibleDescription("What events have already settled")
        self.settled.hide()
        below = QWidget()
        text = QVBoxLayout(below)
        text.setContentsMargins(0, 0, 0, 0)
        text.addWidget(self.settled)
        text.addLayout(labelled("E&xplain:", self.choice))
        text.addWidget(self.explanation)
        self.text_kept = GrowOnly(below)  # the chart keeps its size as the explanation's lines vary
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.outcomes, 1)
        layout.addWidget(below)
        document.scenarioOpened.connect(self._scenario_opened)
        document.recordChanged.connect(lambda record, kind: self.refresh(record) if kind is Change.ASSUMPTION else None)
        document.explainedChanged.connect(self._show_explained)
        document.dateChanged.connect(self._date_changed)
        if document.record is not None:  # built after the scenario opened (its tab first shown)
            self._scenario_opened(document.record)

    def showEvent(self, event: QShowEvent) -> None:
        """The explanation under the chart first: the chart is then drawn once, at the height it keeps."""
        super().showEvent(event)
        if self._record is not None and self.document.loaded is not None:
            self._implied()

    def _show_explained(self, outcome_id: str | None) -> None:
        index = self.choice.findData(outcome_id) if outcome_id is not None else 0
        if index >= 0 and index != self.choice.currentIndex():
            self.choice.setCurrentIndex(index)

    def _scenario_opened(self, record: ScenarioRecord) -> None:
        assert self.document.loaded is not None
        model = self.document.loaded.pack.outcome_model
        self.choice.blockSignals(True)
        self.choice.clear()
        for outcome in model.outcomes if model else []:
            self.choice.addItem(outcome.label, outcome.id)
        self.choice.blockSignals(False)
        self.text_kept.reset()
        self.document.explain(self.choice.currentData())
        self.refresh(record)

    def _date_changed(self, _day: object) -> None:
        if self._record is not None and tuple(self.document.settled()) != self._computed_settled:
            self.refresh(self._record)

    def refresh(self, record: ScenarioRecord) -> None:
        """On screen, the bars move in place at once; hidden, nothing is computed until shown."""
        self._record = record
        chart = self.outcomes.result
        if chart is not None and self.outcomes.isVisible() and self.outcomes.blitter is not None:
            implied = self._implied()
            if implied is not None and chart.update(implied.evaluation, implied.uncertainty):
                self.outcomes.repaint_moving()
                return
        self.outcomes.set_drawer(self._draw_outcomes)

    def _implied(self):
        """The record's implications, computed once per record and settled nodes (numpy loads on first use)."""
        from scenario.implications import implications

        document = self.document
        assert document.loaded is not None and document.date is not None
        settled = tuple(document.settled())
        if self._computed_for is not self._record or self._computed_settled != settled:
            self.implied = implications(document.loaded.pack, self._record, document.date)
            self._computed_for, self._computed_settled = self._record, settled
            lines = [f"• {s.describe()}" for s in self.implied.settled] if self.implied else []
            self.settled.setText("\n".join(["Settled by events (your values for these no longer count):", *lines]) if lines else "")
            self.settled.setVisible(bool(lines))
            self._explain()
        return self.implied

    def _draw_outcomes(self, ax, style):
        from gui.plots.outcome_bars import draw_outcome_bars

        implied = self._implied()
        return draw_outcome_bars(ax, implied.evaluation if implied else None, style, implied.uncertainty if implied else None)

    def _explain(self, *_: object) -> None:
        from scenario.outcomes import explain

        outcome_id = self.choice.currentData()
        self.document.explain(outcome_id)
        if self.implied is None or outcome_id is None:
            self.explanation.setText(NO_MODEL if self.implied is None and self._computed_for is not None else "")
        else:
            self.explanation.setText(explain(self.implied.evaluation, outcome_id).text)
        self.text_kept.fit()
