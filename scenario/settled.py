"""Chance nodes that history has answered: from the day the answering event is known, the
outcome model takes the answer as settled instead of the student's probability.

A student who set "Congress enacts a law" to 40% in March keeps that value (it is their
judgement, and scored history needs it), but once the Act's signing is known the model
reads the node as yes: a forecast a year after the fact should not still split on it.
Both modes follow the vintage rule, so the model reflects what was known on the date shown.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping

from scenario.labels import long_date
from scenario.model import ChanceNode, Event, OutcomeModel, Pack
from scenario.vintage import vintage_of


@dataclasses.dataclass(frozen=True)
class Settled:
    node: ChanceNode
    answer: bool
    event: Event
    known: dt.date  # when the event became known (`scenario.vintage`), not only when it happened

    def describe(self) -> str:
        return f"{self.node.question} {'Yes' if self.answer else 'No'}. Settled on {long_date(self.known)}: {self.event.title}."


def settled_nodes(pack: Pack, day: dt.date) -> dict[str, Settled]:
    """The nodes answered by what was known on `day`, by node id, each by its first known settlement."""
    if pack.outcome_model is None:
        return {}
    vintage = vintage_of(pack)
    settled = {}
    for node in pack.outcome_model.nodes:
        known = sorted(((vintage.settlement(s), n) for n, s in enumerate(node.settled_by)))
        if known and known[0][0] <= day:
            when, first = known[0]
            settlement = node.settled_by[first]
            event = vintage.event(settlement.event)
            assert event is not None  # known by `day`, so it exists
            settled[node.id] = Settled(node, settlement.answer, event, when)
    return settled


def overtaken(model: OutcomeModel, settled: Mapping[str, Settled]) -> dict[str, tuple[Settled, ...]]:
    """The assumptions that only settled nodes use, each with what settled them: the student's
    value stays theirs, but no longer moves any outcome."""
    by_assumption: dict[str, list[Settled]] = {}
    moving = set()
    for node in model.nodes:
        if node.id in settled:
            by_assumption.setdefault(node.probability, []).append(settled[node.id])
        else:
            moving.add(node.probability)
    return {key: tuple(found) for key, found in by_assumption.items() if key not in moving}
