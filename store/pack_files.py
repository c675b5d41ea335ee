"""Saving a pack file an author is editing: whole or not at all, with the last version kept beside it.

An author's pack may be weeks of work in one file, so a save must never cost it: a crash, a
full disk or a read-only folder leaves the file as it was, and the version before the last
save stays at `<name>.previous` (not ending in .json, so pack discovery never lists it).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from scenario.pack import DRAFT_SUFFIX, is_draft
from store.files import copy_atomic, fsync_dir, write_atomic

PREVIOUS_SUFFIX = ".previous"


def previous_path(path: Path) -> Path:
    return path.with_name(path.name + PREVIOUS_SUFFIX)


def save_pack_file(path: Path, data: bytes) -> None:
    """Write `data` to `path`, first keeping what was there at `previous_path(path)`; OSError when it cannot.

    Two atomic replaces, the copy first: a crash between them leaves the old file in both
    places, never neither. If either fails, `path` is untouched and the OSError is the caller's
    to show.
    """
    path = Path(path)
    try:
        copy_atomic(path, previous_path(path))
    except FileNotFoundError:  # a new file: nothing to keep
        pass
    write_atomic(path, data)


def is_installed(path: Path, installed_dirs: Iterable[Path]) -> bool:
    """Whether `path` lies in a folder of packs that ship with the app, however it is spelled.

    Compared resolved (symlinks, "..", a relative path), so a link to a shipped pack cannot be
    used to overwrite it; a new file there counts too, since it would become an installed pack.
    """
    resolved = _resolved(Path(path))
    return any(resolved.is_relative_to(_resolved(Path(folder))) for folder in installed_dirs)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):  # a symlink loop (RuntimeError before Python 3.13): saving replaces the link itself
        return path.parent.resolve() / path.name


def draft_path(path: Path) -> Path:
    """Where a pack with errors is saved instead of `path`: "tiktok.json" -> "tiktok.draft.json"."""
    path = Path(path)
    return path if is_draft(path) else path.with_name(path.stem + DRAFT_SUFFIX)


def published_path(path: Path) -> Path:
    """Where a draft goes once it is a valid pack: "tiktok.draft.json" -> "tiktok.json"."""
    path = Path(path)
    return path.with_name(path.name.removesuffix(DRAFT_SUFFIX) + ".json") if is_draft(path) else path


def retire_draft(draft: Path) -> None:
    """A draft that has just been published: moved to its `.previous` name, so the start page no
    longer lists it beside the pack it became, and nothing of it is lost. OSError when it cannot."""
    draft = Path(draft)
    os.replace(draft, previous_path(draft))
    fsync_dir(draft.parent)
