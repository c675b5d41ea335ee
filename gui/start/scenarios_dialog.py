"""File > Scenarios: every saved scenario with its pack, role and last change; open, rename,
duplicate or delete one. Changes go through the editor, so each is undoable."""

from __future__ import annotations

from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHeaderView, QInputDialog,
                               QPushButton, QTableView, QVBoxLayout, QWidget)

from gui.document.editor import Editor
from gui.start.scenario_list import ScenarioListModel
from gui.widgets.plain import warn
from scenario.pack import PackError
from scenario.record import NAME_MAX
from store.models import ScenarioSummary

class ScenariosDialog(QDialog):
    def __init__(self, editor: Editor, scenario_list: ScenarioListModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.editor = editor
        self.document = editor.document
        self.setWindowTitle("Saved scenarios")
        self.resize(720, 420)
        self.scenario_list = scenario_list
        self.table = QTableView()
        self.table.setModel(scenario_list)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName("Saved scenarios")
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.table.doubleClicked.connect(lambda *_: self._open())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        self.open_button = self._button(buttons, "&Open", self._open)
        self.rename_button = self._button(buttons, "&Rename…", self._rename)
        self.duplicate_button = self._button(buttons, "D&uplicate", self._duplicate)
        self.delete_button = self._button(buttons, "&Delete", self._delete)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        scenario_list.modelReset.connect(self._select_first)
        scenario_list.refresh()

    def _button(self, box: QDialogButtonBox, text: str, slot) -> QPushButton:
        button = box.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.clicked.connect(slot)
        return button

    def _select_first(self) -> None:
        if self.scenario_list.rowCount():
            self.table.selectRow(0)
        self._selection_changed()

    def selected(self) -> ScenarioSummary | None:
        rows = self.table.selectionModel().selectedRows()
        return self.scenario_list.summary(rows[0]) if rows else None

    def _selection_changed(self, *_: object) -> None:
        chosen = self.selected()
        for button in (self.open_button, self.rename_button, self.duplicate_button):
            button.setEnabled(chosen is not None)
        is_open = chosen is not None and chosen.id == self.document.scenario_id
        self.delete_button.setEnabled(chosen is not None and not is_open)
        self.delete_button.setToolTip("Open another scenario before deleting this one" if is_open else "Delete (Edit > Undo brings it back)")

    def _open(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        try:
            self.document.open_scenario(chosen.id)
        except PackError as exc:
            warn(self, "Cannot open this scenario", str(exc))
            return
        self.accept()

    def _rename(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        name, ok = QInputDialog.getText(self, "Rename scenario", "New name:", text=chosen.name)
        name = name.strip()
        if not ok or not name or name == chosen.name:
            return
        problem = self._name_problem(name)
        if problem:
            warn(self, "Cannot rename", problem)
            return
        self.editor.rename_scenario(chosen.id, chosen.name, name)

    def _name_problem(self, name: str) -> str:
        if len(name) > NAME_MAX:
            return f"A name may have at most {NAME_MAX} characters."
        if self.document.name_taken(name):
            return f"There is already a scenario called “{name}”."
        return ""

    def _duplicate(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.editor.duplicate_scenario(chosen.id, self.document.free_name(f"{chosen.name} (copy)"))

    def _delete(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.id != self.document.scenario_id:
            self.editor.delete_scenario(chosen.id, chosen.name)
