"""The student's assumptions, how they moved from date to date, and (beside them) what they imply."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget

from gui.document.dated_refresh import DatedRefresh
from gui.editors.assumption_row import AssumptionRow
from gui.charts.outcomes_panel import OutcomesPanel
from gui.document.changes import Change
from gui.document.editor import Editor
from gui.widgets.theme import MutedLabel, discard
from gui.widgets.plain import scrolling
from gui.widgets.text import plain_tooltip
from scenario.labels import short_date
from scenario.record import ScenarioRecord, Snapshot
from scenario.settled import overtaken as settled_overtaken

INTRO = "Your assumptions for this scenario. Changes are saved as you make them and can be undone (Ctrl+Z)."


class AssumptionsView(QSplitter):
    def __init__(self, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.editor = editor
        self.document = document = editor.document
        self.rows: dict[str, AssumptionRow] = {}
        self._history: list[Snapshot] = []  # the snapshots the history table shows, row by row
        self._history_pack: object = None
        self.body = QWidget()
        self.body_layout = QVBoxLayout(self.body)
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        self.body_layout.addWidget(intro)
        self.body_layout.addStretch(1)
        scroll = scrolling(self.body, "Your assumptions")
        self.history = QTableWidget()
        self.history.setAccessibleName("How your assumptions moved, by date")
        self.history.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        header = self.history.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)  # a label cut at both ends reads as nothing
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.history_empty = MutedLabel("No changes yet. When you move an assumption, its values on that date appear here, "
                                        "one row per date, so you can see how your view moved as events unfolded.")
        self.history_empty.setAccessibleDescription("How your assumptions moved: nothing yet")
        history_box = QWidget()
        history_layout = QVBoxLayout(history_box)
        history_layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel("How your view moved: your values on each date you changed them")
        title.setTextFormat(Qt.TextFormat.PlainText)
        history_layout.addWidget(title)
        history_layout.addWidget(self.history)
        history_layout.addWidget(self.history_empty)
        editors = QSplitter(Qt.Orientation.Vertical)
        editors.addWidget(scroll)
        editors.addWidget(history_box)
        editors.setSizes([500, 160])
        self.outcomes = OutcomesPanel(document)
        self.addWidget(editors)
        self.addWidget(self.outcomes)
        self.setSizes([560, 440])
        document.scenarioOpened.connect(self._scenario_opened)
        document.recordChanged.connect(self._record_changed)
        self._evidence_when_shown = DatedRefresh(self, document, self._show_evidence)
        document.dateChanged.connect(self._evidence_when_shown)
        if document.record is not None:  # built after the scenario opened (its tab first shown)
            self._scenario_opened(document.record)

    def _scenario_opened(self, record: ScenarioRecord) -> None:
        assert self.document.loaded is not None
        for row in self.rows.values():
            discard(row)
        self.rows = {}
        for n, assumption in enumerate(self.document.loaded.pack.assumptions):
            row = AssumptionRow(assumption)
            row.edited.connect(lambda value, a=assumption: self.editor.edit_assumption(a.id, value, a.label))
            self.body_layout.insertWidget(1 + n, row)
            self.rows[assumption.id] = row
        self._show(record)
        self._evidence_when_shown()

    def _show_evidence(self, *_: object) -> None:
        document = self.document
        if document.loaded is None or document.date is None:
            return
        assert document.timeline is not None
        vintage = document.timeline.vintage
        for assumption in document.loaded.pack.assumptions:
            row = self.rows.get(assumption.id)
            if row is None:  # the date is set before the rows of a newly opened scenario are built
                continue
            known = [(e, vintage.item(e)) for e in assumption.evidence]
            lines = [
                f"{short_date(e.date)}: {e.text} ({'; '.join(s.publisher for s, _ in document.sources_shown(e.sources, when))})"
                for e, when in known if when <= document.date
            ]
            row.show_evidence(lines)
        model = document.loaded.pack.outcome_model
        overtaken = settled_overtaken(model, document.settled()) if model is not None else {}
        for key, row in self.rows.items():
            row.show_overtaken([s.describe() for s in overtaken.get(key, ())])

    def _record_changed(self, record: ScenarioRecord, kind: Change) -> None:
        if kind is Change.ASSUMPTION:
            self._show(record)

    def _show(self, record: ScenarioRecord) -> None:
        for key, row in self.rows.items():
            row.show_value(record.assumptions.get(key))
        self._show_history(record)

    def _show_history(self, record: ScenarioRecord) -> None:
        """Only the rows that changed: an edit changes (or adds, or on undo removes) the snapshot
        of one date, and a scenario may hold thousands of them (a file allows 10,000)."""
        assert self.document.loaded is not None
        assumptions = self.document.loaded.pack.assumptions
        if self._history_pack is not self.document.loaded.pack:
            self._history_pack = self.document.loaded.pack
            self._history = []
            self.history.setRowCount(0)
            self.history.setColumnCount(len(assumptions))
            self.history.setHorizontalHeaderLabels([a.label for a in assumptions])
            for c, a in enumerate(assumptions):
                self.history.horizontalHeaderItem(c).setToolTip(plain_tooltip(a.label))
        old, new = self._history, record.snapshots
        same = min(len(old), len(new))
        head = next((n for n in range(same) if old[n] != new[n]), same)
        tail = next((n for n in range(same - head) if old[-1 - n] != new[-1 - n]), same - head)
        for _ in range(len(old) - head - tail):
            self.history.removeRow(head)
        for r in range(head, len(new) - tail):
            self.history.insertRow(r)
            self.history.setVerticalHeaderItem(r, QTableWidgetItem(short_date(new[r].date)))
            for c, a in enumerate(assumptions):
                value = new[r].values.get(a.id, a.default)
                text = f"{value * 100:.0f} %" if a.kind == "probability" else f"{value:g} {a.unit}".strip()
                self.history.setItem(r, c, QTableWidgetItem(text))
        self._history = list(new)
        self.history.setVisible(bool(new))
        self.history_empty.setVisible(not new)
