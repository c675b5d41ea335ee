"""One small undo command per kind of pack edit; each holds the pack document and what undo needs.

Typing into one field merges into one step, so undo takes back a word or a sentence the way
the author typed it, not a character at a time.
"""

from __future__ import annotations

import copy
from typing import Any

from PySide6.QtGui import QUndoCommand

from gui.pack_editor.pack_document import PackDocument
from scenario.authoring.draft import ABSENT
from scenario.authoring.draft import Path as TreePath

_MERGE_TYPING = 1


class _FieldEdit(QUndoCommand):
    """An edit of the value at `path`; keystrokes in one field (`typing`) merge into one step."""

    def __init__(self, document: PackDocument, path: TreePath, new: Any, text: str, typing: bool) -> None:
        super().__init__(text)
        self.document, self.path, self.new, self.typing = document, path, new, typing

    @property
    def where(self) -> TreePath:
        return self.path

    def id(self) -> int:
        return _MERGE_TYPING if self.typing else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if type(other) is not type(self) or not other.typing or other.path != self.path or not self._merges(other):
            return False
        self.new = other.new  # what the field held before the typing began is kept, for undo
        return True

    def _merges(self, other: _FieldEdit) -> bool:
        return True


class SetValue(_FieldEdit):
    def __init__(self, document: PackDocument, path: TreePath, value: Any, text: str, typing: bool = False,
                 insert_at: int | None = None) -> None:
        super().__init__(document, path, value, text, typing)
        self.insert_at = insert_at  # where the key goes if the record leaves it out
        self.old: Any = ABSENT
        self.position: int | None = None  # where a key the edit removes stood, to put it back there

    def redo(self) -> None:
        self.position = self.document.draft.position(self.path)
        self.old = self.document.apply_set(self.path, copy.deepcopy(self.new), self.insert_at)

    def undo(self) -> None:
        self.document.apply_set(self.path, self.old, self.position)


class RenameId(_FieldEdit):
    """A record's new id, with every citation of its old one following it, as one step."""

    def __init__(self, document: PackDocument, path: TreePath, new: str, cited: list[TreePath], text: str, typing: bool = False) -> None:
        super().__init__(document, path, new, text, typing)
        self.cited = cited
        self.old = document.get(path)

    def redo(self) -> None:
        self._set(self.new)

    def undo(self) -> None:
        self._set(self.old)

    def _set(self, value: str) -> None:
        self.document.apply_set(self.path, value)
        for where in self.cited:
            self.document.apply_set(where, value)

    def _merges(self, other: _FieldEdit) -> bool:
        """Typing an id renames its citations at each key, the same ones throughout."""
        return isinstance(other, RenameId) and other.cited == self.cited


class InsertRow(QUndoCommand):
    def __init__(self, document: PackDocument, list_path: TreePath, index: int, row: Any, text: str,
                 parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self.document, self.list_path, self.index, self.row = document, list_path, index, row
        self.created: list[TreePath] = []  # missing parents the insert made (a first outcome node), removed again by undo

    def redo(self) -> None:
        if not self.created:
            self.created = [self.list_path[:n] for n in range(1, len(self.list_path) + 1) if self.document.get(self.list_path[:n]) is ABSENT]
        self.document.apply_insert(self.list_path, self.index, copy.deepcopy(self.row))

    @property
    def where(self) -> TreePath:
        return (*self.list_path, self.index)

    def undo(self) -> None:
        self.document.apply_remove(self.list_path, self.index)
        for path in self.created:
            if self.document.get(path) is not ABSENT:
                self.document.apply_set(path, ABSENT)
                break  # removing the outermost created parent removes the rest with it


class RemoveRow(QUndoCommand):
    def __init__(self, document: PackDocument, list_path: TreePath, index: int, text: str, parent: QUndoCommand | None = None) -> None:
        super().__init__(text, parent)
        self.document, self.list_path, self.index = document, list_path, index
        self.row: Any = None

    @property
    def where(self) -> TreePath:
        return (*self.list_path, self.index)

    def redo(self) -> None:
        self.row = self.document.apply_remove(self.list_path, self.index)

    def undo(self) -> None:
        self.document.apply_insert(self.list_path, self.index, self.row)
