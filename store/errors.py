"""Everything the store can refuse, as exception types the GUI can tell apart.

Each error carries what the user needs to decide what to do next (where a damaged file went,
which backups exist), so the GUI never has to parse a message or look at the disk itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from store.models import Backup


class StoreError(Exception):
    """Base class: anything the store refuses to do, with a message fit for the user."""


class StoreLockedError(StoreError):
    """Another running instance holds this data directory."""

    def __init__(self, data_dir: Path) -> None:
        self.data_dir = data_dir
        super().__init__(f"{data_dir} is in use by another running copy of Divestiture Lab")


class CorruptDatabaseError(StoreError):
    """The database failed its check; it was moved to `moved_to` (never deleted)."""

    def __init__(self, moved_to: Path, backups: Sequence[Backup], reason: str) -> None:
        self.moved_to = moved_to
        self.backups = list(backups)
        self.reason = reason
        super().__init__(f"the database was damaged ({reason}) and was moved to {moved_to}; {len(self.backups)} backup(s) available")


class NewerDatabaseError(StoreError):
    """The database was written by a newer version of the app; it is left exactly as it was."""

    def __init__(self, path: Path, found: int, known: int) -> None:
        self.path = path
        self.found = found
        self.known = known
        super().__init__(f"{path} was saved by a newer version of Divestiture Lab (schema {found}; this version knows up to {known}); it was not changed")


class StoreWriteError(StoreError):
    """A write failed (read-only or full disk); it was rolled back and nothing earlier was lost."""


class StoreReadError(StoreError):
    """The database could not be read while the app was running (damaged, or its file gone).

    Nothing was changed; a restart checks the file and offers the newest backup.
    """


class NameTakenError(StoreError):
    """Scenario names are unique, so a list of names is unambiguous."""

    def __init__(self, name: str) -> None:
        self.name = name
        super().__init__(f"a scenario named {name!r} already exists")


class ScenarioNotFoundError(StoreError, KeyError):
    def __init__(self, scenario_id: int) -> None:
        self.scenario_id = scenario_id
        super().__init__(f"no scenario with id {scenario_id}")

    def __str__(self) -> str:
        return self.args[0]


class MigrationError(StoreError):
    """A schema step failed; it was rolled back, so the database is still at `version`."""

    def __init__(self, version: int, target: int, cause: str) -> None:
        self.version = version
        self.target = target
        super().__init__(f"could not update the database from schema {version} to {target} ({cause}); it was left unchanged")
