"""The pack editor's undo stack: every edit an author makes becomes one command on it.

Views call `edit_*` here; only this module creates commands, so views never import them.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack

from gui.pack_editor.commands import InsertRow, RemoveRow, RenameId, SetValue
from gui.pack_editor.pack_document import PackDocument
from scenario.authoring.draft import ABSENT, path_text
from scenario.authoring.draft import Path as TreePath
from scenario.authoring.fields import RecordSpec, key_position, new_record, record_at, record_label, title_field
from scenario.authoring.ids import suggest_id
from scenario.authoring.references import cited_list, citations


class PackEditor(QObject):
    def __init__(self, document: PackDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.document = document
        self.undo_stack = QUndoStack(self)

    def edit_value(self, path: TreePath, value: Any, typing: bool = False) -> None:
        """`typing`: a keystroke in a text field, merged with the ones before it into one step."""
        old = self.document.get(path)
        if old == value and value is not ABSENT:
            return
        cited = self._citations(path, old, value, typing)
        if cited:
            self.undo_stack.push(RenameId(self.document, path, value, cited, f"Rename {old} to {value}", typing))
            return
        insert_at = None
        record, spec = self.document.get(path[:-1]), record_at(path[:-1])
        if old is ABSENT and isinstance(record, dict) and spec is not None and isinstance(path[-1], str):
            insert_at = key_position(record, spec, path[-1])
        self.undo_stack.push(SetValue(self.document, path, value, f"Change {path_text(path)}", typing, insert_at))

    def _citations(self, path: TreePath, old: Any, new: Any, typing: bool) -> list[TreePath]:
        """Where the id at `path` is cited, when setting it is a rename whose citations should follow.

        A rename being typed keeps the citations it started with, even where the id passes through
        another record's on the way; a fresh rename follows none while another record has the same
        id, since then whose citations they are is unknown."""
        top = self.undo_stack.command(self.undo_stack.index() - 1)
        if typing and isinstance(top, RenameId) and top.typing and top.path == path:
            return top.cited
        list_name = cited_list(path)
        if list_name is None or not (isinstance(old, str) and old and isinstance(new, str)):
            return []
        if self._ids_alongside(path[:-2]).count(old) != 1:
            return []
        return citations(self.document.tree, list_name, old)

    def add_row(self, list_path: TreePath, index: int, spec: RecordSpec, today: dt.date) -> None:
        """A record with its required fields; its id is offered from a title saying what it is."""
        row = new_record(spec, today)
        if "id" in row:
            title = f"New {record_label(spec)}"
            title_name = title_field(spec)
            if title_name is not None:
                row[title_name] = title
            row["id"] = suggest_id(title, self._taken(list_path))
        self.undo_stack.push(InsertRow(self.document, list_path, index, row, f"Add a row to {path_text(list_path)}"))

    def duplicate_row(self, list_path: TreePath, index: int) -> None:
        row = copy.deepcopy(self.document.get((*list_path, index)))
        if isinstance(row, dict) and isinstance(row.get("id"), str):
            row["id"] = suggest_id(re.sub(r"-\d+$", "", row["id"]), self._taken(list_path))  # "event-3", not "event-2-2"
        self.undo_stack.push(InsertRow(self.document, list_path, index + 1, row, f"Duplicate {path_text((*list_path, index))}"))

    def remove_row(self, list_path: TreePath, index: int) -> None:
        self.undo_stack.push(RemoveRow(self.document, list_path, index, f"Remove {path_text((*list_path, index))}"))

    def add_rows(self, rows: Sequence[tuple[TreePath, Any]], text: str) -> None:
        """Rows appended to their lists as one undo step (an import)."""
        self.undo_stack.beginMacro(text)
        for list_path, row in rows:
            items = self.document.get(list_path)
            at = len(items) if isinstance(items, list) else 0
            self.undo_stack.push(InsertRow(self.document, list_path, at, row, text))
        self.undo_stack.endMacro()

    def _taken(self, list_path: TreePath) -> set[str]:
        """Ids a new row must not reuse."""
        return set(self._ids_alongside(list_path))

    def _ids_alongside(self, list_path: TreePath) -> list[str]:
        """The ids a row's id must differ from: its own list's, and in the outcome model, nodes' and outcomes' both."""
        if list_path[:1] == ("outcome_model",):
            return self.document.draft.ids(("outcome_model", "nodes")) + self.document.draft.ids(("outcome_model", "outcomes"))
        return self.document.draft.ids(list_path)
