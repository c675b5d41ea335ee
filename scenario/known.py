"""A pack cut down to what was known on one date: the basis of spoiler-free views and handouts.

Views that draw from `known_pack(pack, day)` cannot show a later event, a later status change,
a deadline nobody had announced, how a pending deadline was later moved, or a source not yet
published, because those are simply not in what they are given. Every cut follows
`scenario.vintage`; the pack's date range is kept, so axes and sliders still span the whole
exercise.
"""

from __future__ import annotations

import datetime as dt
from typing import TypeVar

import msgspec

from scenario.model import Deadline, OutcomeModel, Pack, Question, Role
from scenario.vintage import OUTCOME_NOT_REPORTED, OUTCOME_PENDING, Vintage, vintage_of

T = TypeVar("T", bound=msgspec.Struct)


def _cited(item: T, vintage: Vintage, day: dt.date) -> T:
    return msgspec.structs.replace(item, sources=vintage.cited(item.sources, day))  # type: ignore[attr-defined]


def _known_items(items: list[T], vintage: Vintage, day: dt.date) -> list[T]:
    return [_cited(i, vintage, day) for i in items if vintage.item(i) <= day]  # type: ignore[arg-type]


def _as_known(deadline: Deadline, vintage: Vintage, day: dt.date) -> Deadline:
    cited = vintage.cited(deadline.sources, day)
    if vintage.outcome(deadline) <= day:
        return msgspec.structs.replace(deadline, sources=cited, outcome_sources=vintage.cited(deadline.outcome_sources, day))
    outcome = OUTCOME_NOT_REPORTED if day > deadline.date else OUTCOME_PENDING
    return msgspec.structs.replace(deadline, sources=cited, ends=None, moved_to=None, outcome=outcome, outcome_sources=[])


def _as_asked(question: Question, vintage: Vintage, day: dt.date) -> Question:
    """An open question keeps no trace of its answer; a resolved one cites what was out by `day`."""
    if vintage.resolution(question) <= day:
        return _cited(question, vintage, day)
    return msgspec.structs.replace(question, answer=False, resolution=OUTCOME_PENDING, sources=[])


def _as_briefed(role: Role, vintage: Vintage, day: dt.date) -> Role:
    return msgspec.structs.replace(role, notes=_known_items(role.notes, vintage, day))


def _as_settled(model: OutcomeModel | None, vintage: Vintage, day: dt.date) -> OutcomeModel | None:
    """Only the settlements whose event is known: a later one would name the event and its answer."""
    if model is None:
        return None
    nodes = [msgspec.structs.replace(n, settled_by=[s for s in n.settled_by if vintage.settlement(s) <= day]) for n in model.nodes]
    return msgspec.structs.replace(model, nodes=nodes)


def known_pack(pack: Pack, day: dt.date) -> Pack:
    v = vintage_of(pack)
    instruments = []
    for instrument in pack.instruments:
        changes = _known_items(instrument.changes, v, day)
        if changes:
            instruments.append(msgspec.structs.replace(instrument, changes=changes))
    arguments = _known_items(pack.arguments, v, day)
    made = {a.id for a in arguments}
    disagreements = [
        msgspec.structs.replace(d, positions=[_cited(p, v, day) for p in d.positions if v.position(d, p) <= day])
        for d in pack.disagreements if v.disagreement(d) <= day
    ]
    return msgspec.structs.replace(
        pack,
        sources=[s for s in pack.sources if s.date <= day],
        events=_known_items(pack.events, v, day),
        instruments=instruments,
        deadlines=[_as_known(d, v, day) for d in pack.deadlines if v.deadline(d) <= day],
        arguments=[msgspec.structs.replace(a, rebuttals=[r for r in a.rebuttals if r in made]) for a in arguments],
        roles=[_as_briefed(r, v, day) for r in pack.roles],
        questions=[_as_asked(q, v, day) for q in pack.questions if q.opens <= day],
        prompts=[p for p in pack.prompts if p.date <= day],
        disagreements=disagreements,
        outcome_model=_as_settled(pack.outcome_model, v, day),
        assumptions=[msgspec.structs.replace(a, evidence=_known_items(a.evidence, v, day),
                                             sources=v.cited(a.sources, day)) for a in pack.assumptions],
    )


def known_key(pack: Pack, day: dt.date) -> int:
    """Changes whenever `known_pack` would: a cheap test for "does the chart need redrawing?"."""
    return vintage_of(pack).moments_by(day)
