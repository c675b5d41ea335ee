"""Command-line export and import, for main.py to wire up; each returns the process exit code.

Exit codes: 0 done; 1 the store could not be used (locked, damaged, newer, unwritable) or
the scenario does not exist; 2 the file to import is unusable (one line on stderr says
which file, which field and what is wrong; the database is unchanged).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from scenario.exchange import ExchangeError
from scenario.pack import discover_packs
from store.connection import open_store
from store.errors import StoreError
from store.transfer import export_scenario, import_scenario


def _fail(message: str, code: int) -> int:
    print(f"divestiture-lab: error: {message}", file=sys.stderr)
    return code


def export_command(data_dir: Path, name: str, out: Path) -> int:
    try:
        with open_store(data_dir) as store:
            scenario_id = store.find(name)
            if scenario_id is None:
                return _fail(f"no scenario named {name!r} in {data_dir}", 1)
            export_scenario(store, scenario_id, Path(out))
    except StoreError as exc:
        return _fail(str(exc), 1)
    except OSError as exc:
        return _fail(f"{out}: cannot write ({exc.strerror or exc})", 1)
    print(f"exported {name!r} to {out}")
    return 0


def import_command(data_dir: Path, file: Path, packs_dirs: Sequence[Path]) -> int:
    packs = {entry.loaded.pack.id: entry.loaded.pack for entry in discover_packs(*packs_dirs) if entry.loaded}
    try:
        with open_store(data_dir) as store:
            scenario_id = import_scenario(store, Path(file), packs)
            name = store.load(scenario_id).name
    except ExchangeError as exc:
        return _fail(str(exc), 2)
    except StoreError as exc:
        return _fail(str(exc), 1)
    print(f"imported {file} as {name!r}")
    return 0
