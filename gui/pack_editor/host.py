"""What a File command needs from the pack editor window, so the commands never import the window."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtWidgets import QStatusBar, QWidget

if TYPE_CHECKING:
    from gui.pack_editor.pack_document import PackDocument
    from gui.pack_editor.pack_editor import PackEditor
    from scenario.authoring.draft import Draft
    from scenario.pack import LoadedPack

# Preview: the unsaved pack, a date and a role -> a student's window the caller keeps alive
Preview = Callable[["LoadedPack", dt.date, "str | None"], QWidget]


class EditorHost(Protocol):
    document: PackDocument
    editor: PackEditor
    installed_dirs: tuple[Path, ...]  # packs shipped with the app: never overwritten
    user_packs: Path  # where new packs are saved, so the start page lists them
    preview: Preview | None
    previews: list[QWidget]  # student windows opened from the editor, kept alive while open

    def statusBar(self) -> QStatusBar: ...

    def load(self, draft: Draft, file: Path | None, modified: bool = False) -> None: ...

    def settle_changes(self) -> bool: ...
