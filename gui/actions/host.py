"""What a menu command needs from the window it runs in, so commands never import the shell."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtWidgets import QStatusBar, QWidget

if TYPE_CHECKING:
    from gui.document.document import Document
    from gui.document.editor import Editor
    from gui.start.scenario_list import ScenarioListModel


class CommandHost(Protocol):
    """The main window, as seen by a menu command: a parent for dialogs, a status bar, the document."""

    document: Document
    editor: Editor
    scenario_list: ScenarioListModel  # the saved scenarios, as the start page lists them
    data_dir: Path
    class_windows: list[QWidget]  # teacher views, kept alive while open

    def statusBar(self) -> QStatusBar: ...

    def show_start_page(self) -> None: ...

    def open_pack_editor(self, file: Path | None) -> None: ...

    def property(self, name: str) -> Any: ...

    def setProperty(self, name: str, value: Any) -> bool: ...
