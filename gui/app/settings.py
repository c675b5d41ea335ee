"""UI state (window layout, theme) with checked defaults; never student data.

The file lives in the data directory, so `--data-dir` isolates everything a run touches
(tests, a second class on the same machine), and reading a wrong type falls back to the
default instead of crashing on a hand-edited or corrupt file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

DEFAULTS: dict[str, Any] = {
    "window/geometry": QByteArray(),
    "window/state": QByteArray(),
    "editor/geometry": QByteArray(),  # the pack editor's window, where the author last left it
    "splitters/leftSplitter": QByteArray(),
    "splitters/mainSplitter": QByteArray(),
    "view/theme": "system",
    "view/revealLater": False,
    "files/lastFolder": "",  # where file dialogs open; the home folder when empty or gone
    "go/askBeforeLocking/classroom": True,  # a step that would lock unforecast questions asks first
    "go/askBeforeLocking/explore": False,
}

THEMES = ("system", "light", "dark")


class UiSettings:
    def __init__(self, data_dir: Path) -> None:
        self._qsettings = QSettings(str(data_dir / "ui-state.ini"), QSettings.Format.IniFormat)

    def get(self, key: str) -> Any:
        default = DEFAULTS[key]
        value = self._qsettings.value(key, default)
        if isinstance(default, bool):
            return value in (True, "true") if isinstance(value, (bool, str)) else default
        if not isinstance(value, type(default)):
            return default
        if key == "view/theme" and value not in THEMES:
            return default
        return value

    def set(self, key: str, value: Any) -> None:
        assert key in DEFAULTS, key
        self._qsettings.setValue(key, value)

    def sync(self) -> bool:
        """Write to disk; False when the file could not be written (a read-only data directory)."""
        self._qsettings.sync()
        return self._qsettings.status() == QSettings.Status.NoError
