"""Forecast scores: Brier scores against what history answered, and calibration.

A question counts only once it has resolved (on or after its `resolves` date), so scoring
in the middle of a classroom exercise never leaks an answer. A forecast made on or after the
resolution date is left out too: the student could already see the answer, and a score for
hindsight would reward reading ahead rather than judgement.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

import numpy as np

from scenario.model import Pack, Question
from scenario.record import Forecast
from scenario.vintage import vintage_of

ALWAYS_HALF = 0.25  # the Brier score of answering 50% to everything: the bar to beat
CALIBRATION_BINS = 5


def brier(probability: float, outcome: bool) -> float:
    """0 is a perfect forecast, 1 the worst; lower is better."""
    return (probability - float(outcome)) ** 2


@dataclasses.dataclass(frozen=True)
class QuestionScore:
    question: Question
    probability: float
    brier: float

    @property
    def outcome(self) -> bool:
        return self.question.answer


@dataclasses.dataclass(frozen=True)
class ScoreCard:
    scores: tuple[QuestionScore, ...]  # in the pack's question order
    resolved: int  # questions resolved by the scoring date, forecast or not

    @property
    def mean(self) -> float | None:
        """None when nothing can be scored yet, which is not the same as a score of 0."""
        return sum(s.brier for s in self.scores) / len(self.scores) if self.scores else None

    @property
    def baseline(self) -> float:
        return ALWAYS_HALF


def answered(pack: Pack, question: Question, as_of: dt.date) -> bool:
    """Whether the question's answer was known by `as_of`: it resolved, and a source telling the
    answer had been published (`scenario.vintage`). Scores and outcomes wait for that."""
    return vintage_of(pack).resolution(question) <= as_of


def resolved_questions(pack: Pack, as_of: dt.date) -> list[Question]:
    return [q for q in pack.questions if answered(pack, q, as_of)]


def scorable(forecast: Forecast, question: Question) -> bool:
    return forecast.made_on < question.resolves


def score_card(pack: Pack, forecasts: Mapping[str, Forecast], as_of: dt.date) -> ScoreCard:
    resolved = resolved_questions(pack, as_of)
    scores = tuple(
        QuestionScore(q, forecasts[q.id].probability, brier(forecasts[q.id].probability, q.answer))
        for q in resolved
        if q.id in forecasts and scorable(forecasts[q.id], q)
    )
    return ScoreCard(scores, len(resolved))


@dataclasses.dataclass(frozen=True)
class CalibrationBin:
    """Forecasts between `low` and `high`: how often what they gave that chance to happened."""

    low: float
    high: float
    count: int
    mean_forecast: float | None  # None for an empty bin
    observed: float | None  # share of those questions that resolved yes


def calibration(pairs: Iterable[tuple[float, bool]], bins: int = CALIBRATION_BINS) -> tuple[CalibrationBin, ...]:
    """Equal-width bins over 0-1 (the last one includes 1); empty bins are kept so charts line up."""
    data = np.array(list(pairs), dtype=float).reshape(-1, 2)
    probabilities, outcomes = data[:, 0], data[:, 1]
    index = np.minimum((probabilities * bins).astype(int), bins - 1)
    counts = np.bincount(index, minlength=bins)
    forecast_sums = np.bincount(index, weights=probabilities, minlength=bins)
    outcome_sums = np.bincount(index, weights=outcomes, minlength=bins)
    return tuple(
        CalibrationBin(
            n / bins, (n + 1) / bins, int(counts[n]),
            float(forecast_sums[n] / counts[n]) if counts[n] else None,
            float(outcome_sums[n] / counts[n]) if counts[n] else None,
        )
        for n in range(bins)
    )


def scored_pairs(cards: Sequence[ScoreCard]) -> list[tuple[float, bool]]:
    """Every scored (forecast, outcome) pair of one student or a whole class, for `calibration`."""
    return [(s.probability, s.outcome) for card in cards for s in card.scores]
