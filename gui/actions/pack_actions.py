"""File > New pack… and File > Edit pack…: the pack editor, opened from a student's window."""

from __future__ import annotations

from typing import TYPE_CHECKING

from gui.pack_editor.file_commands import ask_pack_file
from store.paths import user_packs_dir

if TYPE_CHECKING:
    from gui.actions.host import CommandHost


def new_pack(window: CommandHost) -> None:
    window.open_pack_editor(None)


def edit_pack(window: CommandHost) -> None:
    file = ask_pack_file(window, user_packs_dir(window.data_dir))  # type: ignore[arg-type]
    if file is not None:
        window.open_pack_editor(file)
