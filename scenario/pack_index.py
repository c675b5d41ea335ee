"""The usable packs by id: how scenarios, submissions and imports find the pack they name."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from scenario.pack import LoadedPack, discover_packs


def packs_by_id(folders: Sequence[Path]) -> dict[str, LoadedPack]:
    """Every pack in `folders` that loads; `discover_packs` already refuses a second pack with an id."""
    return {entry.loaded.pack.id: entry.loaded for entry in discover_packs(*folders) if entry.loaded is not None}
