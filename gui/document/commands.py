"""One small undo command per kind of edit; each knows its before and after, nothing more.

Commands call back into the Session's `apply_*` methods, which update the record, save it
and tell the views. Consecutive edits of one assumption (a slider drag) merge into one step.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoCommand

if TYPE_CHECKING:
    from gui.document.session import Session

_MERGE_ASSUMPTION = 1
_MERGE_WEIGHT = 2


class _FieldEdit(QUndoCommand):
    """Set one keyed entry (an assumption, a weight, a forecast, an answer) from `old` to `new`."""

    merge_id = -1

    def __init__(self, session: Session, kind: str, key: str, old: Any, new: Any, text: str) -> None:
        super().__init__(text)
        self.session, self.kind, self.key, self.old, self.new = session, kind, key, old, new
        self.scenario_id = session.scenario_id
        self.day: dt.date | None = session.date

    def redo(self) -> None:
        self.session.apply_edit(self.scenario_id, self.kind, self.key, self.new, self.day)

    def undo(self) -> None:
        self.session.apply_edit(self.scenario_id, self.kind, self.key, self.old, self.day)

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
    def __init__(self, session: Session, scenario_id: int, old: str, new: str) -> None:
        super().__init__(f"Rename to “{new}”")
        self.session, self.scenario_id, self.old, self.new = session, scenario_id, old, new

    def redo(self) -> None:
        self.session.apply_rename(self.scenario_id, self.new)

    def undo(self) -> None:
        self.session.apply_rename(self.scenario_id, self.old)


class DeleteScenario(QUndoCommand):
    def __init__(self, session: Session, scenario_id: int, name: str) -> None:
        super().__init__(f"Delete “{name}”")
        self.session, self.scenario_id = session, scenario_id

    def redo(self) -> None:
        self.session.apply_delete(self.scenario_id, deleted=True)

    def undo(self) -> None:
        self.session.apply_delete(self.scenario_id, deleted=False)


class DuplicateScenario(QUndoCommand):
    def __init__(self, session: Session, scenario_id: int, new_name: str) -> None:
        super().__init__(f"Duplicate as “{new_name}”")
        self.session, self.scenario_id, self.new_name = session, scenario_id, new_name
        self.copy_id: int | None = None

    def redo(self) -> None:
        if self.copy_id is None:
            self.copy_id = self.session.apply_duplicate(self.scenario_id, self.new_name)
        else:
            self.session.apply_delete(self.copy_id, deleted=False)

    def undo(self) -> None:
        assert self.copy_id is not None
        if self.session.scenario_id == self.copy_id:  # never delete what is on screen
            self.session.open_scenario(self.scenario_id)
        self.session.apply_delete(self.copy_id, deleted=True)
