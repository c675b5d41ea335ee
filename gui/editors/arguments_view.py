"""Arguments made by the current date, For and Against side by side, filterable.

The filters offer only the themes and stakeholders of arguments made by the current date: a
stakeholder's name in a list is as much a spoiler as the argument itself.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gui.widgets.list_panel import ListPanel
from gui.widgets.rows_model import Row, RowCache
from gui.document.changes import Change
from gui.document.editor import Editor
from gui.widgets.theme import MutedLabel
from gui.editors.weight_editor import WeightEditor
from scenario.argument_balance import argument_balance
from scenario.labels import SIDES, THEMES, short_date
from scenario.model import Argument
from scenario.pack import LoadedPack
from scenario.record import ArgumentWeight

ALL = ""
NONE_YET = "No argument on this side has been made yet on this date."
NONE_MATCH = "No argument made so far on this side matches the filter."


def _row(a: Argument, weight: ArgumentWeight | None, role_stakeholder: str | None) -> Row:
    weighed = f" · your weight {weight.weight}/5" if weight else ""
    yours = "★ Your role's side · " if a.stakeholder == role_stakeholder else ""
    return Row(f"{a.claim}\n{yours}— {a.speaker}, {short_date(a.date)} · {THEMES[a.theme]}{weighed}", a.detail, a)


class ArgumentsView(QWidget):
    def __init__(self, editor: Editor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.document = document = editor.document
        self.theme = self._combo("Theme", "Filter arguments by theme")
        self.stakeholder = self._combo("Stakeholder", "Filter arguments by stakeholder")
        self.columns = {side: ListPanel(label, NONE_YET, f"Arguments: {label}") for side, label in SIDES.items()}
        self._offered: int | None = None  # how many arguments the filters were built from
        filters = QHBoxLayout()
        for text, combo in (("&Theme:", self.theme), ("&Stakeholder:", self.stakeholder)):
            label = QLabel(text)
            label.setBuddy(combo)
            filters.addWidget(label)
            filters.addWidget(combo, 1)
        columns = QHBoxLayout()
        for panel in self.columns.values():
            columns.addWidget(panel)
            panel.picked.connect(document.select)
            panel.dropped.connect(document.deselect)
        self.weights = WeightEditor(editor)
        self.totals = MutedLabel()
        self.totals.setAccessibleName("Your weights so far, for and against")
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(columns, 1)
        layout.addWidget(self.weights)
        layout.addWidget(self.totals)
        self._rows = RowCache(_row)
        document.packOpened.connect(self._rows.clear)
        document.packOpened.connect(self._pack_opened)
        document.dateChanged.connect(self.refresh)
        document.recordChanged.connect(lambda _record, kind: self.refresh() if kind in (Change.WEIGHT, Change.ROLE) else None)
        document.scenarioOpened.connect(self.refresh)

    def _combo(self, what: str, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(accessible)
        combo.currentIndexChanged.connect(self.refresh)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        return combo

    def _pack_opened(self, _loaded: LoadedPack) -> None:
        self._offered = None

    def _offer_filters(self, made: list[Argument]) -> None:
        """Rebuild the filters when the arguments made so far change (they only grow or shrink
        at the end, so their count tells), keeping the reader's choice where it is still offered."""
        if self._offered == len(made):
            return
        self._offered = len(made)
        assert self.document.timeline is not None
        names = {s.id: s.name for s in self.document.timeline.pack.stakeholders}
        themes = [(label, key) for key, label in THEMES.items() if key in {a.theme for a in made}]
        stakeholders = sorted({(names[a.stakeholder], a.stakeholder) for a in made}, key=lambda item: item[0].lower())
        for combo, everything, items in ((self.theme, "All themes", themes), (self.stakeholder, "All stakeholders", stakeholders)):
            chosen = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, ALL)
            for label, key in items:
                combo.addItem(label, key)
            combo.setCurrentIndex(max(combo.findData(chosen), 0))
            combo.blockSignals(False)

    def _row(self, a: Argument, weight: ArgumentWeight | None, role_stakeholder: str | None) -> Row:
        return self._rows.row((a.id, weight.weight if weight else None, role_stakeholder), a, weight, role_stakeholder)

    def refresh(self, *_: object) -> None:
        timeline, day = self.document.timeline, self.document.date
        if timeline is None or day is None:
            return
        made = timeline.arguments_made(day)
        self._offer_filters(made)
        theme, stakeholder = self.theme.currentData(), self.stakeholder.currentData()
        shown = [a for a in reversed(made) if theme in (ALL, a.theme) and stakeholder in (ALL, a.stakeholder)]
        record = self.document.record
        weights = record.weights if record else {}
        balance = argument_balance(made, weights)
        self.totals.setText(f"Your weights on the arguments made so far add up to {balance.total_for} for a ban or "
                            f"forced sale and {balance.total_against} against.")
        role = next((r for r in timeline.pack.roles if record and r.id == record.role), None)
        for side, panel in self.columns.items():
            rows = [self._row(a, weights.get(a.id), role.stakeholder if role else None) for a in shown if a.side == side]
            made_here = sum(1 for a in made if a.side == side)
            panel.empty.setText(NONE_MATCH if made_here else NONE_YET)  # a filter hides what was made; it cannot hide nothing
            panel.set_rows(rows, f"{SIDES[side]} ({len(rows)})")
