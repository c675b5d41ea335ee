"""Text a student types is committed once, by whichever comes first: Enter, leaving the field,
or the window closing.

A line edit commits on `editingFinished`, which Qt sends when focus leaves it. On quit that
comes too late: the store is already closed by then, and the note is lost. So every editor
that holds typed text also answers `commit_typed()`, and the window calls it on all of them
(`commit_typed_text`) before anything is closed. Committing twice is harmless: only text that
differs from what was saved is sent.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLineEdit, QWidget


@runtime_checkable
class HoldsTypedText(Protocol):
    def commit_typed(self) -> None: ...


class TypedLine(QLineEdit):
    """A one-line note or reason: `committed` fires once per change the student typed."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._saved = ""
        self.editingFinished.connect(self.commit_typed)

    def show_saved(self, text: str) -> None:
        """What the record holds. Shown unless the field holds typing not yet committed, so an
        update from elsewhere never overwrites what the student is in the middle of writing; a
        focused field with nothing pending (another scenario opened) shows the new text, or it
        would commit the old one into the new scenario when focus leaves."""
        pending = self.hasFocus() and self.text() != self._saved
        self._saved = text
        if not pending:
            self.setText(text)

    def commit_typed(self) -> None:
        if self.text() != self._saved:
            self._saved = self.text()
            self.committed.emit()


def commit_typed_text(root: QWidget) -> None:
    """Every editor under `root` commits what was typed into it and not yet saved."""
    for widget in root.findChildren(QWidget):
        if isinstance(widget, HoldsTypedText):
            widget.commit_typed()
