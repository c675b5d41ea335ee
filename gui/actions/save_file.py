"""The one way an Export command saves: ask for a path, write, warn if that failed, say where it went."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from gui.widgets.folders import in_start_folder, remember
from gui.widgets.plain import warn

if TYPE_CHECKING:
    from gui.actions.host import CommandHost


def save_file(window: CommandHost, title: str, default: Path, file_filter: str, write: Callable[[Path], None],
              done: Callable[[str], str], shown_ms: int = 6000) -> bool:
    """`done(path)` is the status message once the file is written. True when it was written."""
    name, _ = QFileDialog.getSaveFileName(window, title, in_start_folder(default.name), file_filter)
    if not name:
        return False
    remember(name)
    try:
        write(Path(name))
    except (OSError, ValueError) as exc:  # ValueError: what the encoder refuses to write
        warn(window, "Export failed", f"Could not write {name}.", getattr(exc, "strerror", None) or str(exc))
        return False
    window.statusBar().showMessage(done(name), shown_ms)
    return True
