"""Scenario files on disk: export one scenario, import one into the store.

The format, its checks and the bounded read live in `scenario.exchange`; this module adds
an atomic write and the store calls. An import is checked completely before anything is
written, so a bad file leaves the database exactly as it was.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import msgspec

from scenario.exchange import encode_scenario_file, read_scenario_file
from scenario.pack import LoadedPack
from store.backups import utc_now
from store.files import write_atomic
from store.scenarios import Store


def export_scenario(store: Store, scenario_id: int, out: Path) -> None:
    """Write the scenario as a file; an existing `out` is replaced only once the new file is complete."""
    record = store.load(scenario_id)
    write_atomic(out, encode_scenario_file(record, utc_now()))


def import_scenario(store: Store, path: Path, packs: Mapping[str, LoadedPack]) -> int:
    """Add the file's scenario to the store, renamed "name (2)" etc. if its name is taken; returns its id.

    `packs` is what `scenario.pack_index.packs_by_id` gives, so every caller finds packs alike."""
    record = read_scenario_file(path, {pack_id: loaded.pack for pack_id, loaded in packs.items()})
    return store.create(msgspec.structs.replace(record, name=store.free_name(record.name)))
