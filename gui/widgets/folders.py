"""Where file dialogs open: the folder the student last saved to or opened from, this run and
(through the window's UI settings) the next; the home folder only the first time."""

from __future__ import annotations

from pathlib import Path

_last: list[Path] = []  # one slot; the window restores it from and saves it to its UI settings


def start_folder() -> Path:
    """The last folder used, while it still exists; else the home folder."""
    return _last[0] if _last and _last[0].is_dir() else Path.home()


def in_start_folder(file_name: str) -> str:
    """A dialog's starting path: `file_name` in `start_folder()`."""
    return str(start_folder() / file_name)


def remember(chosen: str | Path) -> None:
    """What a file dialog returned: a file (its folder is kept) or a folder; "" (cancelled) keeps the old one."""
    if not chosen:
        return
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    _last[:] = [folder]
