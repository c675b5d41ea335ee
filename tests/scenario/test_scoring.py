"""Brier scores of known forecasts, the resolution cut-off, and calibration bins."""

from __future__ import annotations

import datetime as dt

import msgspec
import pytest

from scenario.model import Pack
from scenario.pack import load_pack
from scenario.record import Forecast
from scenario.scoring import ALWAYS_HALF, brier, calibration, score_card, scored_pairs
from tests.conftest import MINI_PACK

BEFORE = dt.date(2030, 1, 20)
RESOLVES = dt.date(2030, 2, 11)  # q-sold resolves "no" on this day


@pytest.fixture(scope="module")
def pack() -> Pack:
    return load_pack(MINI_PACK).pack


@pytest.mark.parametrize(("p", "outcome", "score"), [(0.0, False, 0.0), (1.0, True, 0.0), (1.0, False, 1.0), (0.5, True, 0.25), (0.7, False, 0.49), (0.9, True, 0.01)])
def test_brier_of_known_forecasts(p: float, outcome: bool, score: float) -> None:
    assert brier(p, outcome) == pytest.approx(score)


def test_always_half_scores_a_quarter() -> None:
    assert ALWAYS_HALF == brier(0.5, True) == brier(0.5, False)


def test_score_card_counts_only_resolved_questions(pack: Pack) -> None:
    forecasts = {"q-sold": Forecast(probability=0.2, made_on=BEFORE)}
    assert score_card(pack, forecasts, RESOLVES - dt.timedelta(days=1)).scores == ()
    card = score_card(pack, forecasts, RESOLVES)
    assert card.resolved == 1 and card.mean == pytest.approx(0.04) and card.baseline == 0.25
    [score] = card.scores
    assert (score.question.id, score.probability, score.outcome) == ("q-sold", 0.2, False)


def test_a_question_without_a_forecast_is_not_scored(pack: Pack) -> None:
    card = score_card(pack, {}, pack.end)
    assert card.scores == () and card.mean is None and card.resolved == 1


def test_hindsight_forecasts_are_not_scored(pack: Pack) -> None:
    card = score_card(pack, {"q-sold": Forecast(probability=0.0, made_on=RESOLVES)}, pack.end)
    assert card.scores == ()


def test_several_questions_average(pack: Pack) -> None:
    second = msgspec.structs.replace(pack.questions[0], id="q-two", answer=True)
    two = msgspec.structs.replace(pack, questions=[*pack.questions, second])
    forecasts = {"q-sold": Forecast(probability=0.2, made_on=BEFORE), "q-two": Forecast(probability=0.6, made_on=BEFORE)}
    assert score_card(two, forecasts, pack.end).mean == pytest.approx((0.04 + 0.16) / 2)


def test_calibration_bins() -> None:
    pairs = [(0.1, False), (0.15, True), (0.5, True), (0.95, True), (1.0, False)]
    bins = calibration(pairs)
    assert [b.count for b in bins] == [2, 0, 1, 0, 2]
    assert bins[0].mean_forecast == pytest.approx(0.125) and bins[0].observed == 0.5
    assert bins[1].mean_forecast is None and bins[1].observed is None
    assert (bins[4].low, bins[4].high, bins[4].observed) == (0.8, 1.0, 0.5)


def test_calibration_of_nothing_has_empty_bins() -> None:
    assert [b.count for b in calibration([])] == [0] * 5


def test_scored_pairs_of_a_class(pack: Pack) -> None:
    cards = [score_card(pack, {"q-sold": Forecast(probability=p, made_on=BEFORE)}, pack.end) for p in (0.1, 0.9)]
    assert scored_pairs(cards) == [(0.1, False), (0.9, False)]


def test_a_forecast_is_scored_only_once_its_answer_was_reported(mini_json, write_pack):
    """Vintage: a question resolved on 11 Feb whose only source is of 15 Feb is scored from 15 Feb."""
    import datetime as dt

    from scenario.pack import load_pack
    from scenario.record import Forecast
    from scenario.scoring import answered, score_card

    mini_json["sources"].append({"id": "s-late", "publisher": "P", "title": "T", "date": "2030-02-15", "url": "https://example.org/l"})
    question = next(q for q in mini_json["questions"] if q["id"] == "q-sold")
    question["sources"] = ["s-late"]
    pack = load_pack(write_pack(mini_json)).pack
    q = next(q for q in pack.questions if q.id == "q-sold")
    forecasts = {"q-sold": Forecast(probability=0.2, made_on=dt.date(2030, 1, 10))}
    assert not answered(pack, q, dt.date(2030, 2, 12)) and score_card(pack, forecasts, dt.date(2030, 2, 12)).scores == ()
    assert answered(pack, q, dt.date(2030, 2, 15)) and len(score_card(pack, forecasts, dt.date(2030, 2, 15)).scores) == 1
