"""The pack editor's File menu: new, open, duplicate, save, save as new, import, preview.

Each command is a short function taking the editor window, with its own messages, so the
window stays about layout. Saving never touches an installed pack, never writes half a file,
keeps the version before beside the file, and saves a pack with errors only as a draft, which
students are never offered.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFileDialog, QFormLayout, QInputDialog, QMessageBox, QVBoxLayout, QWidget,
)

from gui.widgets.folders import remember, start_folder
from gui.widgets.plain import choose, message_box, plain_label, warn
from scenario.authoring.draft import Draft, read_draft
from scenario.authoring.ids import suggest_id
from scenario.authoring.pack_json import encode_pack_json
from scenario.authoring.template import blank_pack
from scenario.model import whole
from scenario.pack import LoadedPack, PackError, discover_packs, is_draft, parse_pack
from scenario.userfile import FileError
from store.pack_files import draft_path, is_installed, published_path, retire_draft, save_pack_file

if TYPE_CHECKING:
    from gui.pack_editor.host import EditorHost

ID_PATTERN = re.compile(whole("[a-z0-9][a-z0-9_-]{0,63}"))
FILE_FILTER = "Scenario packs (*.json)"


def new_pack(window: EditorHost) -> None:
    if window.settle_changes():
        window.load(Draft(blank_pack(dt.date.today())), None)


def open_pack(window: EditorHost, file: Path | None = None) -> bool:
    """Open `file` (or ask for one). A file that cannot be read, or is not JSON, changes nothing."""
    if not window.settle_changes():
        return False
    file = file or ask_pack_file(window, window.user_packs)
    if file is None:
        return False
    try:
        draft = read_draft(file)
    except FileError as exc:
        warn(window, "Cannot open this pack", f"{exc.file} cannot be opened.", "\n".join(str(p) for p in exc.problems))
        return False
    window.load(draft, file)
    if is_installed(file, window.installed_dirs):
        window.statusBar().showMessage("This pack is installed with the app: it can be changed here, and saved as a new pack.", 15000)
    return True


def ask_pack_file(parent: QWidget, user_packs: Path) -> Path | None:
    """A pack file to edit; the dialog opens in the user's packs folder, where the start page finds packs."""
    name, _ = QFileDialog.getOpenFileName(parent, "Edit pack", str(user_packs if user_packs.is_dir() else start_folder()), FILE_FILTER)
    if not name:
        return None
    remember(name)
    return Path(name)


def duplicate_installed(window: EditorHost) -> None:
    """A shipped pack to start from, under a new id; it has no file until it is saved as a new pack."""
    if not window.settle_changes():
        return
    packs = [e.loaded for e in discover_packs(*window.installed_dirs) if e.loaded is not None]
    if not packs:
        warn(window, "No installed packs", "There is no installed pack to copy.")
        return
    source = choose(window, "Duplicate installed pack", "Start a new pack from:", packs, lambda p: f"{p.pack.title} ({p.pack.id})")
    if source is None:
        return
    try:
        draft = read_draft(source.path)
    except FileError as exc:
        warn(window, "Cannot copy this pack", f"{exc.file} cannot be read.", "\n".join(str(p) for p in exc.problems))
        return
    draft.tree["id"] = suggest_id(f"{source.pack.id} copy", taken_ids(window))
    window.load(draft, None, modified=True)
    window.statusBar().showMessage(f"A copy of “{source.pack.title}”: Save asks where the new pack goes.", 15000)


def taken_ids(window: EditorHost) -> set[str]:
    """Pack ids already used by an installed or a user's pack (file names too: a broken pack still has one)."""
    entries = discover_packs(*window.installed_dirs, window.user_packs)
    ids = {e.loaded.pack.id for e in entries if e.loaded is not None}
    return ids | {e.path.name.removesuffix(".json").removesuffix(".draft") for e in entries}


def save(window: EditorHost) -> bool:
    """Save to the pack's file; a new pack, or an installed one, is saved as a new pack instead. True when saved."""
    file = window.document.file
    if file is None:
        return save_as_new(window)
    if is_installed(file, window.installed_dirs):
        box = message_box(QMessageBox.Icon.Information, "An installed pack", f"{file} is installed with the app and cannot be overwritten.",
                          "Save your changes as a new pack instead?", window)
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Save and save_as_new(window)
    window.document.check_now()  # what was typed in the last moments counts (the re-check waits for a pause)
    if not window.document.errors and is_draft(file):
        file = published_path(file)  # a draft without errors is published under its pack's name
    return _write(window, file)


def save_as_new(window: EditorHost) -> bool:
    """Ask for a new id, free among the installed and the user's packs, and save into the user's pack folder."""
    title, current = window.document.get(("title",)), window.document.get(("id",))
    taken = taken_ids(window)
    if isinstance(current, str) and ID_PATTERN.search(current) and current not in taken:
        offered = current  # a new pack's own id, or a copy's: the author chose it, or it is as good as any
    else:
        offered = suggest_id(title if isinstance(title, str) else "pack", taken)
    while True:
        new_id, ok = QInputDialog.getText(window, "Save as new pack", "The new pack's id (lower-case letters, digits, - and _):", text=offered)
        if not ok:
            return False
        if not ID_PATTERN.search(new_id):
            warn(window, "Not a valid id", f"“{new_id[:80]}” cannot be a pack id.", "Use a-z or 0-9 first, then a-z, 0-9, - or _ (at most 64).")
        elif new_id in taken:
            warn(window, "That id is taken", f"A pack with the id “{new_id}” is already installed or in your packs.", "Choose another id.")
        else:
            break
        offered = new_id
    if window.document.get(("id",)) != new_id:
        window.editor.edit_value(("id",), new_id)
    window.document.check_now()
    return _write(window, window.user_packs / f"{new_id}.json")


def _write(window: EditorHost, file: Path) -> bool:
    """Write the pack, or its draft when it has errors (asked first); the window is clean once written."""
    document = window.document
    document.check_now()
    target = file
    if document.errors:
        target = draft_path(file)
        box = message_box(QMessageBox.Icon.Warning, "The pack has errors",
                          f"The pack has {len(document.errors)} error(s), so it cannot be offered to students yet.",
                          f"Save it as a draft ({target.name})? The start page lists a draft greyed out, with its first problem.", window)
        box.setStandardButtons(QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Cancel)
        if box.exec() != QMessageBox.StandardButton.Save:
            return False
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        save_pack_file(target, encode_pack_json(document.tree))
    except OSError as exc:
        warn(window, "Save failed", f"Could not write {target}; the file is as it was.", exc.strerror or str(exc))
        return False
    published_from = document.file if document.file is not None and is_draft(document.file) and not is_draft(target) else None
    if published_from is not None and published_from.exists():
        try:
            retire_draft(published_from)
        except OSError as exc:
            warn(window, "The old draft is still there", f"{target} is saved, but {published_from} could not be moved aside, "
                 "so the start page still lists it.", exc.strerror or str(exc))
    document.mark_saved(target)
    window.editor.undo_stack.setClean()
    window.statusBar().showMessage(f"Saved {'a draft to ' if target != file else ''}{target}", 10000)
    return True


def import_csv(window: EditorHost) -> None:
    """Events (and their sources) from a spreadsheet, added as one undoable step."""
    from gui.pack_editor.csv_import_dialog import ask_csv_import

    result = ask_csv_import(window, window.document.tree)
    if result is None or not (result.events or result.sources):
        return
    rows = [(("sources",), s) for s in result.sources] + [(("events",), e) for e in result.events]
    window.editor.add_rows(rows, f"Import {len(result.events)} events from CSV")
    window.statusBar().showMessage(f"Imported {len(result.events)} events and {len(result.sources)} new sources; "
                                   f"{len(result.rejected)} rows rejected.", 15000)


def preview(window: EditorHost) -> None:
    """The unsaved pack in a student's window, in Classroom mode, at a date and role the author picks."""
    if window.preview is None:
        return
    document = window.document
    document.check_now()
    try:
        pack = parse_pack(encode_pack_json(document.tree))
    except PackError as exc:
        warn(window, "The pack has errors", "A pack with errors cannot be previewed; fix these first:",
             "\n".join(str(p) for p in exc.problems[:8]))
        return
    dialog = PreviewDialog(pack.start, pack.end, [(r.id, r.title) for r in pack.roles], window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    data = encode_pack_json(document.tree)
    loaded = LoadedPack(document.file or Path("unsaved pack"), pack, hashlib.sha256(data).hexdigest())
    student = window.preview(loaded, dialog.day(), dialog.role())
    window.previews.append(student)
    student.destroyed.connect(lambda *_: window.previews.remove(student) if student in window.previews else None)
    student.show()


class PreviewDialog(QDialog):
    """The date and role a preview opens at."""

    def __init__(self, start: dt.date, end: dt.date, roles: list[tuple[str, str]], parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preview as a student")
        self.date_edit = QDateEdit(QDate(start.year, start.month, start.day))
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("yyyy-MM-dd")
        self.date_edit.setDateRange(QDate(start.year, start.month, start.day), QDate(end.year, end.month, end.day))
        self.role_box = QComboBox()
        self.role_box.addItem("No role", None)
        for role_id, title in roles:
            self.role_box.addItem(f"{title} ({role_id})", role_id)
        form = QFormLayout()
        form.addRow("On", self.date_edit)
        form.addRow("As", self.role_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label("The unsaved pack opens in Classroom mode, as a student sees it. Nothing is saved to anyone's data."))
        layout.addLayout(form)
        layout.addWidget(buttons)

    def day(self) -> dt.date:
        return self.date_edit.date().toPython()

    def role(self) -> str | None:
        return self.role_box.currentData()
