"""Debrief slides without a display: checkpoints, forecasts by their made_on date, assumptions from snapshots,
outcomes only once reported, Explore mode as in the class view, and no names."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from scenario.class_loader import load_class
from scenario.classroom import ClassAggregate
from scenario.debrief import checkpoints, slides
from scenario.resources import PACKS_DIR

CLASS = Path(__file__).resolve().parents[1] / "data" / "class-1.1"


@pytest.fixture(scope="module")
def result() -> ClassAggregate:
    return load_class([CLASS], [PACKS_DIR]).group("tiktok-2020")


def test_checkpoints_are_the_packs_deadline_and_question_dates_plus_added_ones(result: ClassAggregate) -> None:
    pack = result.pack
    days = [day for day, _ in checkpoints(result)]
    assert days == sorted(set(days))
    assert {d.date for d in pack.deadlines if pack.start <= d.date <= pack.end} <= set(days)
    assert {q.opens for q in pack.questions} | {q.resolves for q in pack.questions} <= set(days)
    added = dict(checkpoints(result, [dt.date(2020, 8, 25), dt.date(1999, 1, 1)]))
    assert added[dt.date(2020, 8, 25)] == "Added by the teacher" and dt.date(1999, 1, 1) not in added


def test_forecasts_count_from_the_day_they_were_made(result: ClassAggregate) -> None:
    by_day = {s.date: s for s in slides(result, [dt.date(2020, 8, 4), dt.date(2020, 8, 5)])}
    msft = lambda day: next(q for q in by_day[day].questions if q.question.id == "q-msft-sept15")  # noqa: E731
    assert msft(dt.date(2020, 8, 4)).forecasts == ()  # made on 5 Aug
    assert sorted(msft(dt.date(2020, 8, 5)).forecasts) == [0.3, 0.3, 0.7, 0.9]  # Explore mode left out
    assert msft(dt.date(2020, 8, 5)).answer is None and msft(dt.date(2020, 8, 5)).brier is None
    resolved = msft(dt.date(2020, 9, 15))
    assert resolved.answer is False and resolved.brier == pytest.approx((0.49 + 0.09 + 0.09 + 0.81) / 4)


def test_explore_mode_counts_only_when_included(result: ClassAggregate) -> None:
    day = dt.date(2020, 8, 5)
    [with_explore] = [s for s in slides(result.with_explore(True), [day]) if s.date == day]
    msft = next(q for q in with_explore.questions if q.question.id == "q-msft-sept15")
    assert len(msft.forecasts) == 5


def test_assumptions_move_with_the_snapshots(result: ClassAggregate) -> None:
    by_day = {s.date: s for s in slides(result, [dt.date(2020, 8, 4), dt.date(2020, 8, 12)])}
    deal = lambda day: next(a for a in by_day[day].assumptions if a.assumption.id == "p-deal")  # noqa: E731
    assert deal(dt.date(2020, 8, 4)).values == (0.5,) * 4
    assert deal(dt.date(2020, 8, 12)).median == 0.6
    assert sorted(deal(dt.date(2020, 9, 20)).values) == [0.3, 0.3, 0.7, 0.9] and deal(dt.date(2020, 9, 20)).median == 0.5
    assert deal(dt.date(2020, 9, 20)).previous_median == 0.6


def test_a_slide_shows_what_was_known_and_names_no_one(result: ClassAggregate) -> None:
    [first] = [s for s in slides(result) if s.date == dt.date(2020, 8, 3)]
    assert first.banner and "until" in first.banner[1]
    assert all("EO 13942" not in line for line in first.in_force)  # signed on 6 Aug
    text = repr(slides(result))
    for name in ("Ana", "Ben Okafor", "Cara", "Dev Patel", ".json"):
        assert name not in text
