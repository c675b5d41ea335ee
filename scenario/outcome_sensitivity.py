"""Which assumption moves the outcomes most: the data behind a tornado chart.

Each assumption is swept alone to the ends of the student's own range (their stated doubt),
or of the pack's limits where they gave none, with every other value held where the student
put it. Ranking by swing tells the student where to spend their research time.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping

import numpy as np

from scenario.outcomes import ModelSource, Range, clamped_range, outcome_tree, resolved_values, route_matrix, value_row


@dataclasses.dataclass(frozen=True)
class Swing:
    assumption_id: str
    label: str
    value: float  # where the student holds it
    low: float
    high: float
    from_student: bool  # the ends are the student's range, not the pack's limits
    at_low: tuple[float, ...]  # outcome probabilities, in `Sensitivity.outcome_ids` order
    at_high: tuple[float, ...]
    swing: float  # the ranking key: |high - low| for the target outcome, or the largest over outcomes
    settled: bool = False  # only settled nodes use it: events, not the student's value, decide (swing 0)


@dataclasses.dataclass(frozen=True)
class Sensitivity:
    outcome_ids: tuple[str, ...]
    outcome_labels: tuple[str, ...]
    base: tuple[float, ...]
    target: str | None  # the outcome ranked by; None ranks by the largest change in any outcome
    swings: tuple[Swing, ...]  # largest swing first; ties keep pack order

    def index(self, outcome_id: str) -> int:
        return self.outcome_ids.index(outcome_id)


def sensitivity(
    source: ModelSource,
    values: Mapping[str, float],
    ranges: Mapping[str, Range] | None = None,
    outcome_id: str | None = None,
) -> Sensitivity:
    tree = outcome_tree(source)
    resolved = resolved_values(tree, values)
    ranges = ranges or {}
    base_row = value_row(tree, resolved)
    count = len(tree.assumptions)
    ends = [
        clamped_range(a, resolved[a.id], ranges[a.id]) if a.id in ranges else (a.min, a.max)
        for a in tree.assumptions
    ]
    # Rows 2k and 2k+1 hold assumption k at its low and high end: one vectorised evaluation.
    rows = np.repeat(base_row, 2 * count, axis=0)
    for k, (low, high) in enumerate(ends):
        rows[2 * k, k], rows[2 * k + 1, k] = low, high
    _, outcomes = route_matrix(tree, rows)
    _, base = route_matrix(tree, base_row)
    ids = tuple(o.id for o in tree.outcomes)
    target = None if outcome_id is None else ids.index(outcome_id)
    swings = []
    for k, a in enumerate(tree.assumptions):
        change = np.abs(outcomes[2 * k + 1] - outcomes[2 * k])
        swings.append(Swing(
            a.id, a.label, resolved[a.id], ends[k][0], ends[k][1], a.id in ranges,
            tuple(map(float, outcomes[2 * k])), tuple(map(float, outcomes[2 * k + 1])),
            float(change.max() if target is None else change[target]),
            a.id in tree.overtaken,
        ))
    swings.sort(key=lambda s: -s.swing)
    return Sensitivity(ids, tuple(o.label for o in tree.outcomes), tuple(map(float, base[0])), outcome_id, tuple(swings))
