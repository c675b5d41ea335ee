"""What each kind of edit does: how it changes the scenario record, and how the store saves it.

One table, so a new kind of edit is one row here and one `Change`, and the document applies
every kind the same way (record first, then the save, then one signal).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import NamedTuple

import msgspec

from gui.document.changes import Change
from scenario.record import ScenarioRecord, with_answer, with_assumption, with_forecast, with_weight
from store.backups import utc_now


def _keyed(change: Callable[..., ScenarioRecord]) -> Callable[..., ScenarioRecord]:
    return lambda record, key, value, day: change(record, key, value)


def _field(name: str) -> Callable[..., ScenarioRecord]:
    return lambda record, key, value, day: msgspec.structs.replace(record, **{name: value})


class Reveal(NamedTuple):
    at: dt.date  # the scenario date the student stood on
    on: dt.datetime | None  # the wall clock (UTC), None when the clock could not be read


def wall_clock() -> dt.datetime | None:
    """Now, in UTC; None when the system clock is past what a date can hold (year 9999):
    a reveal must still happen, and its scenario date is what scores depend on."""
    try:
        return utc_now()
    except (OverflowError, ValueError, OSError):
        return None


EDITS: dict[Change, tuple[Callable[..., ScenarioRecord], Callable[..., None]]] = {
    Change.ASSUMPTION: (with_assumption, lambda store, sid, key, value, day: store.save_assumption(sid, key, value, day)),
    Change.WEIGHT: (_keyed(with_weight), lambda store, sid, key, value, day: store.save_weight(sid, key, value)),
    Change.FORECAST: (_keyed(with_forecast), lambda store, sid, key, value, day: store.save_forecast(sid, key, value)),
    Change.ANSWER: (_keyed(with_answer), lambda store, sid, key, value, day: store.save_answer(sid, key, value)),
    Change.ROLE: (_field("role"), lambda store, sid, key, value, day: store.set_role(sid, value)),
    Change.REVEAL: (lambda record, key, value, day: msgspec.structs.replace(record, revealed_at=value.at),
                    lambda store, sid, key, value, day: store.set_revealed(sid, value.at, value.on)),
}
