"""Packs a user opened from a file, copied into the data folder so their scenarios can be resumed later."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path

from scenario.pack import MAX_PACK_BYTES, LoadedPack, PackError, Problem, discover_packs, load_pack
from scenario.userfile import FileError, read_bounded
from store.files import write_atomic


def keep_pack(loaded: LoadedPack, packs_dirs: Sequence[Path]) -> LoadedPack:
    """`loaded` as found in `packs_dirs` (installed, then kept), copying it into the last folder if needed.

    Raises PackError when another pack already uses its id, or the copy cannot be written.
    """
    if any(loaded.path.parent.resolve() == folder.resolve() for folder in packs_dirs):
        return loaded
    for entry in discover_packs(*packs_dirs):
        if entry.loaded is not None and entry.loaded.pack.id == loaded.pack.id:
            if entry.loaded.digest == loaded.digest:
                return entry.loaded
            raise PackError(loaded.path, [Problem("id", f"a different pack with the id '{loaded.pack.id}' is already there: {entry.path}")])
    kept = packs_dirs[-1] / f"{loaded.pack.id}.json"
    try:  # read again through the bounded reader, and keep only the very bytes that were checked
        data = read_bounded(loaded.path, MAX_PACK_BYTES, "pack")
    except FileError as exc:
        raise PackError(loaded.path, exc.problems) from None
    if hashlib.sha256(data).hexdigest() != loaded.digest:
        raise PackError(loaded.path, [Problem("", "the file changed after it was opened; open it again")])
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(kept, data)
    except OSError as exc:
        raise PackError(loaded.path, [Problem("", f"could not keep a copy in {kept.parent} ({exc.strerror or exc})")]) from None
    return load_pack(kept)
