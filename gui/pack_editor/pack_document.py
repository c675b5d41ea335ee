"""The pack being edited, as every view of the editor sees it: the draft, its file, its problems.

Views ask this object and redraw on its signals; undo commands change the draft only through
its `apply_*` methods, so each view hears of every edit, whether typed, undone or redone.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from scenario.authoring.checking import Finding, check_draft
from scenario.authoring.draft import Draft
from scenario.authoring.draft import Path as TreePath

CHECK_DELAY_MS = 300  # re-check once the author pauses, not on every key


class PackDocument(QObject):
    valueChanged = Signal(object)  # the path set
    rowInserted = Signal(object, int)  # list path, index
    rowRemoved = Signal(object, int)  # list path, index
    findingsChanged = Signal(object)  # list[Finding]
    fileChanged = Signal()  # a new file name, or a new pack opened
    saved = Signal(object)  # the file written: a start page listing packs may show it now

    def __init__(self, draft: Draft, file: Path | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.draft = draft
        self.file = file  # where Save writes; None for a new pack not yet saved
        self.findings: list[Finding] = []
        self._check_timer = QTimer(self, singleShot=True, interval=CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check_now)
        self.check_now()

    @property
    def tree(self) -> dict[str, Any]:
        return self.draft.tree

    def get(self, path: TreePath) -> Any:
        return self.draft.get(path)

    @property
    def errors(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "error"]

    def replace(self, draft: Draft, file: Path | None) -> None:
        self.draft, self.file = draft, file
        self.fileChanged.emit()
        self.check_now()

    def mark_saved(self, file: Path) -> None:
        """The pack was written to `file`, which Save writes to from now on."""
        self.file = file
        self.fileChanged.emit()
        self.saved.emit(file)

    # Called by the undo commands only

    def apply_set(self, path: TreePath, value: Any, position: int | None = None) -> Any:
        old = self.draft.set(path, value, position)
        self.valueChanged.emit(path)
        self._check_timer.start()
        return old

    def apply_insert(self, list_path: TreePath, index: int, row: Any) -> None:
        self.draft.insert(list_path, index, row)
        self.rowInserted.emit(list_path, index)
        self._check_timer.start()

    def apply_remove(self, list_path: TreePath, index: int) -> Any:
        row = self.draft.remove(list_path, index)
        self.rowRemoved.emit(list_path, index)
        self._check_timer.start()
        return row

    def check_now(self) -> None:
        self._check_timer.stop()
        self.findings = check_draft(self.draft.tree)
        self.findingsChanged.emit(self.findings)
