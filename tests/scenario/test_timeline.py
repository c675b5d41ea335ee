"""Timeline questions "as of date D" on the synthetic pack."""

from __future__ import annotations

import datetime as dt

import pytest

from scenario.labels import countdown_text
from scenario.pack import load_pack
from scenario.timeline import Timeline
from tests.conftest import MINI_PACK

D = dt.date


@pytest.fixture(scope="module")
def timeline() -> Timeline:
    return Timeline(load_pack(MINI_PACK).pack)


def test_before_anything_happened_nothing_is_known(timeline):
    day = D(2030, 1, 1)
    assert timeline.events_known(day) == []
    assert timeline.arguments_made(day) == []
    assert timeline.instruments_at(day) == []
    assert timeline.countdowns(day) == []


def test_events_known_are_newest_first(timeline):
    assert [e.id for e in timeline.events_known(D(2030, 2, 10))] == ["e-injunction", "e-suit", "e-order"]
    assert [e.id for e in timeline.events_later(D(2030, 2, 10))] == ["e-order2"]


def test_countdown_counts_days_to_the_deadline(timeline):
    [c] = timeline.countdowns(D(2030, 1, 5))
    assert (c.deadline.id, c.days) == ("d-sale", 30)
    assert countdown_text(c) == "30 days until: Sale deadline, 4 Feb 2030"


def test_a_moved_deadline_gives_way_to_its_replacement(timeline):
    assert [c.deadline.id for c in timeline.countdowns(D(2030, 1, 31))] == ["d-sale"]
    assert [(c.deadline.id, c.days) for c in timeline.countdowns(D(2030, 2, 1))] == [("d-sale-2", 10)]


def test_a_mooted_deadline_disappears_and_none_is_shown_until_the_next_is_set(timeline):
    assert timeline.countdowns(D(2030, 2, 10)) == []
    [c] = timeline.countdowns(D(2030, 2, 20))
    assert (c.deadline.id, c.days) == ("d-ban", 30)


def test_several_deadlines_are_sorted_soonest_first(timeline):
    # d-sale-2 is live from 1 Feb; pretend a reader on 1 Feb also knew of d-ban: not yet announced
    assert [c.deadline.id for c in timeline.countdowns(D(2030, 2, 1))] == ["d-sale-2"]


def test_on_the_day_itself_the_countdown_reads_today(timeline):
    [c] = timeline.countdowns(D(2030, 3, 22))
    assert countdown_text(c) == "Today: Ban takes effect, 22 Mar 2030"
    assert timeline.countdowns(D(2030, 3, 23)) == []


def test_deadline_outcome_is_only_known_once_it_passed_or_ended_and_was_reported(timeline):
    sale = timeline.pack.deadlines[0]
    assert timeline.vintage.outcome(sale) == D(2030, 2, 1)  # it ended (moved) on 1 Feb, reported that day


def test_instrument_status_follows_its_latest_change(timeline):
    [state] = timeline.instruments_at(D(2030, 1, 6))
    assert (state.instrument.id, state.change.status, state.in_force) == ("order-1", "in_force", True)
    states = timeline.instruments_at(D(2030, 2, 25))
    assert [(s.instrument.id, s.change.status) for s in states] == [("order-2", "in_force"), ("order-1", "enjoined")]


def test_step_by_event_visits_event_and_deadline_dates(timeline):
    day, visited = timeline.start, []
    while (day := timeline.next_event(day)) is not None:
        visited.append(day)
    assert visited == [D(2030, 1, 5), D(2030, 1, 20), D(2030, 2, 4), D(2030, 2, 10), D(2030, 2, 11), D(2030, 2, 20), D(2030, 3, 22)]
    assert timeline.previous_event(D(2030, 1, 20)) == D(2030, 1, 5)
    assert timeline.previous_event(D(2030, 1, 5)) is None


def test_step_by_day_stops_at_the_ends(timeline):
    assert timeline.next_day(D(2030, 1, 1)) == D(2030, 1, 2)
    assert timeline.previous_day(timeline.start) is None
    assert timeline.next_day(timeline.end) is None


def test_next_deadline_uses_only_deadlines_known_that_day(timeline):
    assert timeline.next_deadline(D(2030, 1, 10)) == D(2030, 2, 4)
    assert timeline.next_deadline(D(2030, 2, 12)) is None  # d-ban is announced only on 20 Feb
    assert timeline.next_deadline(D(2030, 2, 20)) == D(2030, 3, 22)


def test_dates_outside_the_pack_are_clamped(timeline):
    assert timeline.clamp(D(2000, 1, 1)) == timeline.start
    assert timeline.clamp(D(2100, 1, 1)) == timeline.end
    assert [e.id for e in timeline.events_known(D(2100, 1, 1))][0] == "e-order2"
