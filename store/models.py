"""The store's records: what it hands back to callers, with no behaviour and no imports from the store.

A leaf module, so errors, backups and the scenario table can all name these without a circle.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from scenario.record import Mode


@dataclasses.dataclass(frozen=True)
class Backup:
    path: Path
    kind: str  # "daily", "pre-migration-to-v2", "replaced"
    made: dt.datetime  # UTC, as the clock said: shown to the user, never used to order
    sequence: int = 0  # the order backups were made in; 0 for copies made before it was recorded

    @property
    def order(self) -> tuple[int, dt.datetime]:
        return self.sequence, self.made


@dataclasses.dataclass(frozen=True, slots=True)
class ScenarioSummary:
    id: int
    name: str
    pack_id: str
    mode: Mode
    role: str | None
    updated: dt.datetime  # UTC
