"""The rules about time, without a display: step targets, forecast locks, spoilers."""

from __future__ import annotations

import datetime as dt

import msgspec
import pytest

from scenario.pack import load_pack
from scenario.record import ScenarioRecord
from scenario.rules import Move, forecast_locked, spoilers_allowed, step_target
from scenario.timeline import Timeline
from tests.conftest import MINI_PACK

D = dt.date


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return Timeline(load_pack(MINI_PACK).pack)


def test_steps_go_somewhere_or_nowhere(timeline: Timeline) -> None:
    assert step_target(timeline, timeline.start, Move.FIRST) is None
    assert step_target(timeline, timeline.start, Move.NEXT_DAY) == timeline.start + dt.timedelta(days=1)
    assert step_target(timeline, timeline.start, Move.LAST) == timeline.end
    assert step_target(timeline, timeline.end, Move.NEXT_EVENT) is None
    assert step_target(timeline, D(2030, 2, 1), Move.NEXT_EVENT) == D(2030, 2, 4)


def test_a_forecast_locks_once_the_student_has_been_on_its_resolution_date() -> None:
    question = load_pack(MINI_PACK).pack.questions[0]
    record = ScenarioRecord(name="x", pack_id="mini")
    before = question.resolves - dt.timedelta(days=1)
    assert not forecast_locked(question, record, before)
    assert forecast_locked(question, record, question.resolves)
    been_there = msgspec.structs.replace(record, furthest_date=question.resolves)
    assert forecast_locked(question, been_there, before), "stepping back does not unlock it"


def test_spoilers_only_in_explore_mode_or_after_the_reveal() -> None:
    classroom = ScenarioRecord(name="x", pack_id="mini", mode="classroom")
    assert spoilers_allowed(None) and spoilers_allowed(ScenarioRecord(name="x", pack_id="mini"))
    assert not spoilers_allowed(classroom)
    assert spoilers_allowed(msgspec.structs.replace(classroom, revealed_at=D(2030, 2, 1)))
