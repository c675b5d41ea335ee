"""Everything the outcome charts show for one record, computed in one place without Qt.

The point result, the 80% intervals from the student's ranges and the sensitivity sweep all
come from the same compiled tree, so the charts and "Explain this number" cannot disagree.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from scenario.model import Pack
from scenario.outcome_sensitivity import Sensitivity, sensitivity
from scenario.outcome_uncertainty import Uncertainty, monte_carlo
from scenario.outcomes import Evaluation, OutcomeTree, evaluate, ranges_of, values_of
from scenario.record import ScenarioRecord
from scenario.settled import Settled


@dataclasses.dataclass(frozen=True)
class Implications:
    evaluation: Evaluation
    uncertainty: Uncertainty
    sensitivity: Sensitivity
    settled: tuple[Settled, ...]  # the nodes history had answered by the date, in the model's order


def implications(pack: Pack, record: ScenarioRecord, day: dt.date) -> Implications | None:
    """What the record implies as known on `day`; None when the pack has no outcome model (a
    teacher's pack may have only a timeline)."""
    if pack.outcome_model is None:
        return None
    tree = OutcomeTree.from_pack(pack, day)
    values, ranges = values_of(record), ranges_of(record)
    return Implications(evaluate(tree, values), monte_carlo(tree, values, ranges), sensitivity(tree, values, ranges),
                        tuple(tree.settled.values()))
