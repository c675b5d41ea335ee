"""The exercise's rules about time: where a step goes, when a forecast is locked, when spoilers may show.

They decide what a student may see and change, so they live in the domain and are tested
without a display; the GUI only asks.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Callable

from scenario.model import Question
from scenario.record import ScenarioRecord
from scenario.timeline import Timeline


class Move(enum.Enum):
    FIRST = "first"
    PREVIOUS_EVENT = "previous_event"
    PREVIOUS_DAY = "previous_day"
    NEXT_DAY = "next_day"
    NEXT_EVENT = "next_event"
    NEXT_DEADLINE = "next_deadline"
    LAST = "last"


_TARGETS: dict[Move, Callable[[Timeline, dt.date], dt.date | None]] = {
    Move.FIRST: lambda t, d: t.start,
    Move.PREVIOUS_EVENT: Timeline.previous_event,
    Move.PREVIOUS_DAY: Timeline.previous_day,
    Move.NEXT_DAY: Timeline.next_day,
    Move.NEXT_EVENT: Timeline.next_event,
    Move.NEXT_DEADLINE: Timeline.next_deadline,
    Move.LAST: lambda t, d: t.end,
}


def step_target(timeline: Timeline, day: dt.date, move: Move) -> dt.date | None:
    """Where `move` goes from `day`, or None when it would go nowhere."""
    target = _TARGETS[move](timeline, day)
    return target if target != day else None


def forecast_locked(question: Question, record: ScenarioRecord, day: dt.date) -> bool:
    """A forecast is made before its question resolves; once the student has been on or past
    that date (even if they stepped back since), it is a record, not a guess."""
    return max(day, record.furthest_date or day) >= question.resolves


def forecasts_to_lock(questions: list[Question], record: ScenarioRecord, day: dt.date, target: dt.date) -> list[Question]:
    """The questions open on `day` that the student has not forecast and a move to `target` would
    lock for good: what a step asks about first. A question locks at its resolution date whether or
    not it was forecast, so an unseen jump must not close one silently."""
    return [q for q in questions if q.opens <= day and q.id not in record.forecasts
            and not forecast_locked(q, record, day) and forecast_locked(q, record, target)]


def awaiting_forecast(questions: list[Question], record: ScenarioRecord, day: dt.date) -> list[Question]:
    """Questions open on `day`, not locked, that the student has not forecast yet: the Forecasts tab's badge."""
    return [q for q in questions if q.opens <= day and q.id not in record.forecasts and not forecast_locked(q, record, day)]


def spoilers_allowed(record: ScenarioRecord | None) -> bool:
    """Later events may be shown: always in Explore mode, in Classroom mode once revealed."""
    return record is None or record.mode != "classroom" or record.revealed_at is not None
