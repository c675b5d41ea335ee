"""One small undo command per kind of edit; each knows its before and after, nothing more.

Commands hold the document and call its `apply_*` methods, which update the record, save it
and tell the views. Only the editor creates them, so nothing here imports back. Consecutive
edits of one assumption (a slider drag) merge into one step.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtGui import QUndoCommand

from gui.document.changes import Change
from gui.document.document import Document

_MERGE_ASSUMPTION = 1
_MERGE_WEIGHT = 2


class _FieldEdit(QUndoCommand):
    """Set one keyed entry (an assumption, a weight, a forecast, an answer) from `old` to `new`."""

    merge_id = -1

    def __init__(self, document: Document, kind: Change, key: str, old: Any, new: Any, text: str) -> None:
        super().__init__(text)
        self.document, self.kind, self.key, self.old, self.new = document, kind, key, old, new
        self.scenario_id = document.scenario_id
        self.day: dt.date | None = document.date

    def redo(self) -> None:
        self.document.apply_edit(self.scenario_id, self.kind, self.key, self.new, self.day)

    def undo(self) -> None:
        self.document.apply_edit(self.scenario_id, self.kind, self.key, self.old, self.day)

    def id(self) -> int:
        return self.merge_id

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, _FieldEdit) or (other.kind, other.key, other.scenario_id, other.day) != (self.kind, self.key, self.scenario_id, self.day):
            return False
        self.new = other.new
        return True


class SetAssumption(_FieldEdit):
    merge_id = _MERGE_ASSUMPTION


class SetWeight(_FieldEdit):
    merge_id = _MERGE_WEIGHT


class SetEntry(_FieldEdit):
    """Forecasts, prompt answers and the role: never merged, each is a deliberate act."""


class RenameScenario(QUndoCommand):
    def __init__(self, document: Document, scenario_id: int, old: str, new: str) -> None:
        super().__init__(f"Rename to “{new}”")
        self.document, self.scenario_id, self.old, self.new = document, scenario_id, old, new

    def redo(self) -> None:
        self.document.apply_rename(self.scenario_id, self.new)

    def undo(self) -> None:
        self.document.apply_rename(self.scenario_id, self.old)


class DeleteScenario(QUndoCommand):
    def __init__(self, document: Document, scenario_id: int, name: str) -> None:
        super().__init__(f"Delete “{name}”")
        self.document, self.scenario_id = document, scenario_id

    def redo(self) -> None:
        self.document.apply_delete(self.scenario_id, deleted=True)

    def undo(self) -> None:
        self.document.apply_delete(self.scenario_id, deleted=False)


class DuplicateScenario(QUndoCommand):
    def __init__(self, document: Document, scenario_id: int, new_name: str) -> None:
        super().__init__(f"Duplicate as “{new_name}”")
        self.document, self.scenario_id, self.new_name = document, scenario_id, new_name
        self.copy_id: int | None = None

    def redo(self) -> None:
        if self.copy_id is None:
            self.copy_id = self.document.apply_duplicate(self.scenario_id, self.new_name)
        else:
            self.document.apply_delete(self.copy_id, deleted=False)

    def undo(self) -> None:
        assert self.copy_id is not None
        if self.document.scenario_id == self.copy_id:  # never delete what is on screen
            self.document.open_scenario(self.scenario_id)
        self.document.apply_delete(self.copy_id, deleted=True)
