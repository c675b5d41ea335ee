"""How sure the outcomes are, given the student's low-high ranges: a seeded Monte Carlo.

Each ranged assumption is drawn from triangular(low, value, high). The triangle is chosen
because a student states exactly three numbers (lowest plausible, best guess, highest
plausible): it keeps the best guess as the most likely value and the stated ends as hard
limits, and asks for no shape parameter a class would have to justify.

The seed is fixed by default, and each assumption always draws from its own column of one
uniform matrix, so the same inputs give the same picture and a small edit moves the
interval smoothly instead of re-rolling every sample (common random numbers).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import numpy as np

from scenario.outcomes import ModelSource, Range, clamped_range, outcome_tree, resolved_values, route_matrix, value_row

DEFAULT_SAMPLES = 10_000
DEFAULT_SEED = 20200806  # the date of the first executive order; any fixed number would do


@dataclasses.dataclass(frozen=True)
class OutcomeInterval:
    outcome_id: str
    label: str
    point: float  # at the student's values
    median: float
    low: float  # 10th percentile
    high: float  # 90th percentile


@dataclasses.dataclass(frozen=True)
class Uncertainty:
    samples: int
    seed: int
    ranged: tuple[str, ...]  # assumptions with a range of non-zero width, the only ones sampled
    intervals: tuple[OutcomeInterval, ...]

    @property
    def has_spread(self) -> bool:
        return bool(self.ranged)

    def interval(self, outcome_id: str) -> OutcomeInterval:
        return next(i for i in self.intervals if i.outcome_id == outcome_id)


def triangular(u: np.ndarray, low: float, mode: float, high: float) -> np.ndarray:
    """Inverse CDF, so each assumption maps its own uniforms (numpy's sampler would not)."""
    width = high - low
    left = low + np.sqrt(u * width * (mode - low))
    right = high - np.sqrt((1.0 - u) * width * (high - mode))
    return np.where(u * width < mode - low, left, right)


def monte_carlo(
    source: ModelSource,
    values: Mapping[str, float],
    ranges: Mapping[str, Range],
    samples: int = DEFAULT_SAMPLES,
    seed: int = DEFAULT_SEED,
) -> Uncertainty:
    tree = outcome_tree(source)
    resolved = resolved_values(tree, values)
    base = value_row(tree, resolved)
    x = np.repeat(base, samples, axis=0)
    uniforms = np.random.default_rng(seed).random((samples, len(tree.assumptions)))
    ranged = []
    for k, a in enumerate(tree.assumptions):
        if a.id not in ranges or a.id in tree.overtaken:  # a settled chance has no doubt left to sample
            continue
        low, high = clamped_range(a, resolved[a.id], ranges[a.id])
        if high > low:
            x[:, k] = triangular(uniforms[:, k], low, resolved[a.id], high)
            ranged.append(a.id)
    _, outcomes = route_matrix(tree, x)
    _, point = route_matrix(tree, base)
    p10, p50, p90 = np.percentile(outcomes, [10, 50, 90], axis=0)
    intervals = tuple(
        OutcomeInterval(o.id, o.label, float(point[0, i]), float(p50[i]), float(p10[i]), float(p90[i]))
        for i, o in enumerate(tree.outcomes)
    )
    return Uncertainty(samples, seed, tuple(ranged), intervals)
