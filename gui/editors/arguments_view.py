"""Arguments made by the current date, For and Against side by side, filterable.

The filters offer only the themes and stakeholders of arguments made by the current date: a
stakeholder's name in a list is as much a spoiler as the argument itself.
"""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from gui.document.dated_refresh import DatedRefresh
from gui.widgets.list_panel import ListPanel
from gui.widgets.rows_model import PrefixRows, Row, RowCache
from gui.document.changes import Change
from gui.document.editor import Editor
from gui.widgets.theme import MutedLabel
from gui.editors.weight_editor import WeightEditor
from scenario.argument_balance import weight_totals
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
        self._offered: tuple | None = None  # the themes and stakeholders the filters offer
        self._first: dict[tuple[str, str], int] = {}  # the position of the first argument of each theme and stakeholder
        self._shown: dict[str, PrefixRows] = {}  # each column's rows, made for `_basis`
        self._basis: tuple | None = None  # what the shown rows were made for: filters, weights, role
        self._position: dict[str, int] = {}  # each argument's index in the pack
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
        self.totals.setAccessibleDescription("Your weights so far, for and against")
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(columns, 1)
        layout.addWidget(self.weights)
        layout.addWidget(self.totals)
        self._rows = RowCache(_row)
        # Hidden behind another tab, the lists catch up when shown; with an argument chosen they
        # follow every step, so an argument no longer made leaves the list and the detail pane at once.
        refresh = DatedRefresh(self, document, self.refresh, needed_now=lambda: any(p.view.currentIndex().isValid() for p in self.columns.values()))
        document.packOpened.connect(self._rows.clear)
        document.packOpened.connect(self._pack_opened)
        document.dateChanged.connect(refresh)
        document.recordChanged.connect(lambda _record, kind: refresh() if kind in (Change.WEIGHT, Change.ROLE) else None)
        document.scenarioOpened.connect(refresh)

    def _combo(self, what: str, accessible: str) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(accessible)
        combo.currentIndexChanged.connect(self.refresh)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(12)
        return combo

    def _pack_opened(self, loaded: LoadedPack) -> None:
        self._offered = None
        self._position = {a.id: n for n, a in enumerate(loaded.pack.arguments)}
        self._first = {}
        for n, a in enumerate(loaded.pack.arguments):
            self._first.setdefault(("theme", a.theme), n)
            self._first.setdefault(("stakeholder", a.stakeholder), n)

    def _offer_filters(self, made: list[Argument]) -> None:
        """Rebuild the filters when a theme or stakeholder first appears or disappears, keeping the
        reader's choice where it is still offered. The arguments made so far are a prefix of the
        pack's, so a theme is offered once its first argument is made: a step costs the number of
        themes and stakeholders, and the combo boxes are left alone on most steps."""
        assert self.document.timeline is not None
        count = len(made)
        names = {s.id: s.name for s in self.document.timeline.pack.stakeholders if self._first.get(("stakeholder", s.id), count) < count}
        themes = [(label, key) for key, label in THEMES.items() if self._first.get(("theme", key), count) < count]
        stakeholders = sorted(((name, key) for key, name in names.items()), key=lambda item: item[0].lower())
        if (themes, stakeholders) == self._offered:
            return
        self._offered = (themes, stakeholders)
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
        record = self.document.record
        weights = record.weights if record else {}
        total_for, total_against = weight_totals(made, weights, self._position)
        self.totals.setText(f"Your weights on the arguments made so far add up to {total_for} for a ban or "
                            f"forced sale and {total_against} against.")
        role = next((r for r in timeline.pack.roles if record and r.id == record.role), None)
        role_stakeholder = role.stakeholder if role else None
        basis = (theme, stakeholder, role_stakeholder, weights)  # weights are replaced, never changed in place
        if basis != self._basis:  # a step keeps the rows made so far; anything else remakes them
            self._basis = basis
            self._shown = {side: PrefixRows(lambda a: self._row(a, weights.get(a.id), role_stakeholder),
                                            lambda a, side=side: a.side == side and theme in (ALL, a.theme) and stakeholder in (ALL, a.stakeholder))
                           for side in SIDES}
        for side, panel in self.columns.items():
            rows = self._shown[side].newest_first(timeline.pack.arguments, len(made))
            if not rows:  # a filter hides what was made; it cannot hide nothing
                panel.empty.setText(NONE_MATCH if any(a.side == side for a in made) else NONE_YET)
            panel.set_rows(rows, f"{SIDES[side]} ({len(rows)})")
