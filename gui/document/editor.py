"""The editor: every user edit becomes an undo command on one QUndoStack.

Views call `edit_*` here; the commands hold only the document and change it through its
`apply_*` methods. Only this module imports the commands, so there is no import circle.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack

from gui.document.changes import Change
from gui.document.commands import DeleteScenario, DuplicateScenario, RenameScenario, SetAssumption, SetEntry, SetWeight
from gui.document.document import Document
from scenario.model import Question
from store.scenarios import Store


class Editor(QObject):
    def __init__(self, document: Document, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.undo_stack = QUndoStack(self)

    def edit_assumption(self, assumption_id: str, value: Any, label: str) -> None:
        record = self.document.record
        self._edit(SetAssumption, Change.ASSUMPTION, assumption_id, record.assumptions.get(assumption_id) if record else None, value, f"Change “{label}”")

    def edit_weight(self, argument_id: str, value: Any, label: str) -> None:
        record = self.document.record
        self._edit(SetWeight, Change.WEIGHT, argument_id, record.weights.get(argument_id) if record else None, value, f"Weigh “{label}”")

    def edit_forecast(self, question: Question, value: Any) -> None:
        record = self.document.record
        if not self.document.forecast_locked(question):
            self._edit(SetEntry, Change.FORECAST, question.id, record.forecasts.get(question.id) if record else None, value, "Forecast")

    def edit_answer(self, prompt_id: str, text: str) -> None:
        record = self.document.record
        self._edit(SetEntry, Change.ANSWER, prompt_id, record.answers.get(prompt_id, "") if record else "", text, "Answer a prompt")

    def set_role(self, role_id: str | None) -> None:
        record = self.document.record
        self._edit(SetEntry, Change.ROLE, "", record.role if record else None, role_id, "Choose a role")

    def rename_scenario(self, scenario_id: int, old: str, new: str) -> None:
        self.undo_stack.push(RenameScenario(self.document, scenario_id, old, new))

    def duplicate_scenario(self, scenario_id: int, new_name: str) -> None:
        self.undo_stack.push(DuplicateScenario(self.document, scenario_id, new_name))

    def delete_scenario(self, scenario_id: int, name: str) -> None:
        """The open scenario cannot be deleted: the student would be left with nothing on screen."""
        assert scenario_id != self.document.scenario_id
        self.undo_stack.push(DeleteScenario(self.document, scenario_id, name))

    def replace_store(self, store: Store | None, unavailable: str = "") -> None:
        """After a restore: the old undo history refers to a database that is gone."""
        self.undo_stack.clear()
        self.document.replace_store(store, unavailable)

    def _edit(self, command: type, kind: Change, key: str, old: Any, new: Any, text: str) -> None:
        if self.document.record is not None and old != new:
            self.undo_stack.push(command(self.document, kind, key, old, new, text))
