"""Everything the outcome charts show for one record, computed in one place without Qt.

The point result, the 80% intervals from the student's ranges and the sensitivity sweep all
come from the same compiled tree, so the charts and "Explain this number" cannot disagree.
"""

from __future__ import annotations

import dataclasses

from scenario.model import Pack
from scenario.outcome_sensitivity import Sensitivity, sensitivity
from scenario.outcome_uncertainty import Uncertainty, monte_carlo
from scenario.outcomes import Evaluation, evaluate, outcome_tree, ranges_of, values_of
from scenario.record import ScenarioRecord


@dataclasses.dataclass(frozen=True)
class Implications:
    evaluation: Evaluation
    uncertainty: Uncertainty
    sensitivity: Sensitivity


def implications(pack: Pack, record: ScenarioRecord) -> Implications | None:
    """None when the pack has no outcome model (a teacher's pack may have only a timeline)."""
    if pack.outcome_model is None:
        return None
    tree = outcome_tree(pack)
    values, ranges = values_of(record), ranges_of(record)
    return Implications(evaluate(tree, values), monte_carlo(tree, values, ranges), sensitivity(tree, values, ranges))
