"""Scenario files on disk: export one scenario, import one into the store.

The pure format and its checks live in `scenario.exchange`; this module adds the disk: a
bounded read (never more than the size limit plus one byte), an atomic write, and the
store call. An import is checked completely before anything is written, so a bad file
leaves the database exactly as it was.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import msgspec

from scenario.exchange import MAX_FILE_BYTES, ExchangeError, check_against_pack, decode_scenario_file, encode_scenario_file
from scenario.model import Pack
from scenario.record import ScenarioRecord
from store.backups import utc_now
from store.files import write_atomic
from store.scenarios import Store


def export_scenario(store: Store, scenario_id: int, out: Path) -> None:
    """Write the scenario as a file; an existing `out` is replaced only once the new file is complete."""
    record = store.load(scenario_id)
    write_atomic(out, encode_scenario_file(record, utc_now()))


def read_scenario_file(path: Path, packs: Mapping[str, Pack]) -> ScenarioRecord:
    """The scenario in `path`, checked against its pack among `packs` (by id); else ExchangeError."""
    try:
        with open(path, "rb") as f:
            data = f.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ExchangeError(path, "", f"cannot read the file ({exc.strerror or exc})") from None
    record = decode_scenario_file(data, None, path)
    pack = packs.get(record.pack_id)
    if pack is None:
        raise ExchangeError(path, "scenario.pack_id", f"needs pack {record.pack_id!r}, which is not installed")
    check_against_pack(record, pack, path)
    return record


def import_scenario(store: Store, path: Path, packs: Mapping[str, Pack]) -> int:
    """Add the file's scenario to the store, renamed "name (2)" etc. if its name is taken; returns its id."""
    record = read_scenario_file(path, packs)
    return store.create(msgspec.structs.replace(record, name=store.free_name(record.name)))
