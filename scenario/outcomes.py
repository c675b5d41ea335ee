"""The outcome model: what the student's probabilities imply for each outcome, and why.

The pack's model is a tree (or DAG) of yes/no chance nodes. It is compiled once into its
root-to-outcome routes, and every number (the point result, the "explain this number" text,
the sensitivity sweep, the Monte Carlo) comes from one vectorised function over those routes,
so they cannot disagree, not even in the last floating-point bit.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Mapping, Sequence

import numpy as np

from scenario.model import Assumption, ChanceNode, Outcome, OutcomeModel, Pack
from scenario.record import ScenarioRecord
from scenario.settled import Settled, overtaken, settled_nodes

Range = tuple[float, float]


@dataclasses.dataclass(frozen=True)
class Route:
    """One root-to-outcome path's shape: which nodes, answered which way."""

    outcome_id: str
    nodes: tuple[ChanceNode, ...]
    answers: tuple[bool, ...]


@dataclasses.dataclass(frozen=True)
class OutcomeTree:
    """The model compiled for evaluation as known on one date.

    `assumptions` are those its nodes name, in pack order; a settled node takes its answer,
    not its assumption, and `overtaken` are the assumptions only settled nodes name: they keep
    their column (the student's value is still theirs) but move nothing.
    """

    outcomes: tuple[Outcome, ...]
    assumptions: tuple[Assumption, ...]
    routes: tuple[Route, ...]
    settled: Mapping[str, Settled] = dataclasses.field(default_factory=dict)  # by node id
    overtaken: frozenset[str] = frozenset()

    @classmethod
    def build(cls, model: OutcomeModel, assumptions: Sequence[Assumption], settled: Mapping[str, Settled] | None = None) -> OutcomeTree:
        settled = settled or {}
        nodes = {n.id: n for n in model.nodes}
        routes: list[Route] = []

        def walk(target: str, trail: tuple[ChanceNode, ...], answers: tuple[bool, ...]) -> None:
            node = nodes.get(target)
            if node is None:
                routes.append(Route(target, trail, answers))
                return
            walk(node.yes, trail + (node,), answers + (True,))
            walk(node.no, trail + (node,), answers + (False,))

        walk(model.root, (), ())
        used = {n.probability for n in model.nodes}
        return cls(tuple(model.outcomes), tuple(a for a in assumptions if a.id in used), tuple(routes),
                   settled, frozenset(overtaken(model, settled)))

    @classmethod
    def from_pack(cls, pack: Pack, day: dt.date | None = None) -> OutcomeTree:
        """The model as known on `day`; with no day, as the pack states it, before any event settles a node."""
        if pack.outcome_model is None:
            raise ValueError(f"pack '{pack.id}' has no outcome model")
        return cls.build(pack.outcome_model, pack.assumptions, settled_nodes(pack, day) if day is not None else None)


ModelSource = Pack | OutcomeTree


def outcome_tree(source: ModelSource) -> OutcomeTree:
    return source if isinstance(source, OutcomeTree) else OutcomeTree.from_pack(source)


@dataclasses.dataclass(frozen=True)
class Step:
    question: str
    assumption_id: str
    answer: bool
    probability: float  # of this answer: p for yes, 1 - p for no; 1 or 0 once the node is settled
    settled: bool = False


@dataclasses.dataclass(frozen=True)
class Path:
    outcome_id: str
    steps: tuple[Step, ...]
    probability: float

    @property
    def ruled_out(self) -> bool:
        """It needs an answer a settled node did not get: 0% whatever the student's values."""
        return any(s.settled and s.probability == 0.0 for s in self.steps)

    def describe(self) -> str:
        """The path as a sum a student can check by hand."""
        factors = " × ".join(
            f"{s.question} {'yes' if s.answer else 'no'} ({'settled: ' if s.settled else ''}{percent(s.probability)})" for s in self.steps)
        return f"{factors} = {percent(self.probability)}"


@dataclasses.dataclass(frozen=True)
class OutcomeProbability:
    outcome_id: str
    label: str
    probability: float


@dataclasses.dataclass(frozen=True)
class Evaluation:
    outcomes: tuple[OutcomeProbability, ...]
    paths: tuple[Path, ...]
    values: Mapping[str, float]  # the values actually used, after defaults and clamping

    def probability(self, outcome_id: str) -> float:
        return next(o.probability for o in self.outcomes if o.outcome_id == outcome_id)

    def paths_to(self, outcome_id: str) -> tuple[Path, ...]:
        return tuple(p for p in self.paths if p.outcome_id == outcome_id)


@dataclasses.dataclass(frozen=True)
class Explanation:
    outcome_id: str
    label: str
    probability: float
    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.lines)


def percent(p: float) -> str:
    """One decimal only where it matters, so 30% reads as 30% and 2.5% keeps its half."""
    if 0 < p < 0.001:
        return "<0.1%"
    text = f"{p * 100:.1f}"
    return (text[:-2] if text.endswith(".0") else text) + "%"


def resolved_values(tree: OutcomeTree, values: Mapping[str, float]) -> dict[str, float]:
    """The student's value, else the pack default, kept inside the assumption's range.

    Clamping matters because a record may hold a value from an older pack version with a
    narrower range, and a probability outside 0-1 would make outcomes not sum to one.
    """
    resolved = {}
    for a in tree.assumptions:
        value = values.get(a.id, a.default)
        resolved[a.id] = min(max(value, a.min), a.max) if math.isfinite(value) else a.default
    return resolved


def route_matrix(tree: OutcomeTree, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Route and outcome probabilities for each row of assumption values (n x assumptions).

    Sums run route by route, element-wise, so one row gives bit-identical results whether
    it is evaluated alone or among ten thousand samples.
    """
    columns = {a.id: i for i, a in enumerate(tree.assumptions)}
    index = {o.id: i for i, o in enumerate(tree.outcomes)}
    routes = np.ones((x.shape[0], len(tree.routes)))
    outcomes = np.zeros((x.shape[0], len(tree.outcomes)))
    for r, route in enumerate(tree.routes):
        for node, answer in zip(route.nodes, route.answers):
            if node.id in tree.settled:
                routes[:, r] *= float(answer == tree.settled[node.id].answer)
                continue
            p = x[:, columns[node.probability]]
            routes[:, r] *= p if answer else 1.0 - p
        outcomes[:, index[route.outcome_id]] += routes[:, r]
    return routes, outcomes


def value_row(tree: OutcomeTree, values: Mapping[str, float]) -> np.ndarray:
    resolved = resolved_values(tree, values)
    return np.array([[resolved[a.id] for a in tree.assumptions]], dtype=float)


def evaluate(source: ModelSource, values: Mapping[str, float]) -> Evaluation:
    tree = outcome_tree(source)
    resolved = resolved_values(tree, values)
    row = value_row(tree, resolved)
    routes, outcomes = route_matrix(tree, row)
    paths = tuple(
        Path(
            route.outcome_id,
            tuple(_step(node, answer, resolved[node.probability], tree.settled.get(node.id)) for node, answer in zip(route.nodes, route.answers)),
            float(routes[0, r]),
        )
        for r, route in enumerate(tree.routes)
    )
    probabilities = tuple(OutcomeProbability(o.id, o.label, float(outcomes[0, i])) for i, o in enumerate(tree.outcomes))
    return Evaluation(probabilities, paths, resolved)


def _step(node: ChanceNode, answer: bool, p: float, settled: Settled | None) -> Step:
    if settled is not None:
        return Step(node.question, node.probability, answer, float(answer == settled.answer), settled=True)
    return Step(node.question, node.probability, answer, p if answer else 1.0 - p)


def explain(evaluation: Evaluation, outcome_id: str) -> Explanation:
    """'Explain this number': each path into the outcome, and their total when there are several.

    Paths that events have ruled out are counted, not spelled out: each would be a sum of
    settled answers ending in 0%, and after the facts most of a model's paths are.
    """
    outcome = next(o for o in evaluation.outcomes if o.outcome_id == outcome_id)
    paths = evaluation.paths_to(outcome_id)
    shown = [p for p in paths if not p.ruled_out]
    if not shown:
        return Explanation(outcome_id, outcome.label, outcome.probability, ("Ruled out by events: 0%",))
    lines = [p.describe() for p in shown]
    if len(shown) > 1:
        lines.append(f"Total: {' + '.join(percent(p.probability) for p in shown)} = {percent(outcome.probability)}")
    if len(shown) < len(paths):
        others = len(paths) - len(shown)
        lines.append(f"{others} other path{'s' if others > 1 else ''} ruled out by events (0%)")
    return Explanation(outcome_id, outcome.label, outcome.probability, tuple(lines))


def values_of(record: ScenarioRecord) -> dict[str, float]:
    return {key: v.value for key, v in record.assumptions.items()}


def ranges_of(record: ScenarioRecord) -> dict[str, Range]:
    """The student's low-high ranges; a missing end means no doubt on that side of the value."""
    return {
        key: (v.value if v.low is None else v.low, v.value if v.high is None else v.high)
        for key, v in record.assumptions.items()
        if v.low is not None or v.high is not None
    }


def clamped_range(assumption: Assumption, value: float, bounds: Range) -> Range:
    """A range inside the assumption's limits that contains the value (a student may type them in any order)."""
    low, high = sorted(bounds)
    low, high = min(low, value), max(high, value)
    return max(low, assumption.min), min(high, assumption.max)
